using System.Text.Json;

namespace StreamRisk.Core.Subscriptions;

/// <summary>A filter as JSON — how the store keeps it and the API takes and shows it:
/// <c>{"issuers":[],"industries":[],"topics":["sanctions"],"rules":[],"min_severity":"warning","kinds":["alert"]}</c>.</summary>
public static class SubscriptionFilterJson
{
    public static string Write(SubscriptionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer, filter);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteTo(Utf8JsonWriter writer, SubscriptionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteList(writer, "issuers", filter.Issuers);
        WriteList(writer, "industries", filter.Industries);
        WriteList(writer, "topics", filter.Topics);
        WriteList(writer, "rules", filter.Rules);
        writer.WriteString("min_severity", filter.MinSeverity);
        WriteList(writer, "kinds", filter.Kinds.Select(KindName).ToList());
        writer.WriteEndObject();
    }

    /// <summary>Reads a filter; missing lists are empty, a missing severity is info. Throws <see cref="FormatException"/>
    /// naming the field for anything else that is wrong.</summary>
    public static SubscriptionFilter Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("filter: must be a JSON object");
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("issuers" or "industries" or "topics" or "rules" or "min_severity" or "kinds"))
            {
                throw new FormatException($"filter.{property.Name}: unknown field; fields are issuers, industries, topics, rules, min_severity, kinds");
            }
        }
        var severity = element.TryGetProperty("min_severity", out var s)
            ? s.ValueKind == JsonValueKind.String ? s.GetString()! : throw new FormatException("filter.min_severity: must be a string")
            : Alerts.AlertRules.Info;
        return new SubscriptionFilter(
            ReadList(element, "issuers"), ReadList(element, "industries"), ReadList(element, "topics"), ReadList(element, "rules"),
            severity, ReadList(element, "kinds").Select(ParseKind).Distinct().ToList());
    }

    public static SubscriptionFilter Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    public static string KindName(SubscriptionKind kind) => kind switch
    {
        SubscriptionKind.Alert => "alert",
        SubscriptionKind.Score => "score",
        SubscriptionKind.TopicMatch => "topic_match",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static SubscriptionKind ParseKind(string name) => name switch
    {
        "alert" => SubscriptionKind.Alert,
        "score" => SubscriptionKind.Score,
        "topic_match" => SubscriptionKind.TopicMatch,
        _ => throw new FormatException($"filter.kinds: unknown kind '{name}'; kinds are alert, score, topic_match"),
    };

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    private static List<string> ReadList(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"filter.{name}: must be an array of strings");
        }
        var values = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FormatException($"filter.{name}: must be an array of strings"));
        }
        return values.Distinct(StringComparer.Ordinal).ToList();
    }
}
