using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace StreamRisk.Infrastructure.Schemas;

/// <summary>The outcome of checking one event against its schema: empty <see cref="Errors"/> means valid.</summary>
public sealed record SchemaCheck(string SchemaName, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>One line for a dead letter or an error message: the first few problems with their JSON locations.</summary>
    public string Describe() => IsValid ? $"valid {SchemaName}" : $"not a valid {SchemaName}: " + string.Join("; ", Errors.Take(5));
}

/// <summary>
/// The JSON Schemas under <c>schemas/</c>, embedded in this assembly and compiled once. Formats (date, date-time)
/// are enforced, which the JSON Schema default leaves as annotations only.
/// </summary>
public sealed class EventSchemas
{
    private static readonly Lazy<EventSchemas> Shared = new(() => new EventSchemas());
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    // Valid input is the common case: a flag-only pass stops at the first failure and builds no output tree; the
    // detailed pass runs only to explain a failure.
    private readonly EvaluationOptions _quick = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static EventSchemas Default => Shared.Value;

    private EventSchemas()
    {
        var assembly = typeof(EventSchemas).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = Path.GetFileNameWithoutExtension(resource);
            var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            _schemas[name] = JsonSchema.FromText(reader.ReadToEnd(), build);
        }
    }

    /// <summary>Schema names (= topic names) this build knows.</summary>
    public IReadOnlyCollection<string> Names => _schemas.Keys.Order(StringComparer.Ordinal).ToArray();

    public SchemaCheck Check(string schemaName, JsonElement instance)
    {
        if (!_schemas.TryGetValue(schemaName, out var schema))
        {
            throw new ArgumentException($"no JSON Schema named '{schemaName}' (known: {string.Join(", ", Names)})", nameof(schemaName));
        }
        if (schema.Evaluate(instance, _quick).IsValid)
        {
            return new SchemaCheck(schemaName, []);
        }
        var result = schema.Evaluate(instance, _options);
        var errors = new List<string>();
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }
            foreach (var (keyword, message) in detail.Errors)
            {
                var at = detail.InstanceLocation.ToString();
                errors.Add($"{(at.Length == 0 ? "/" : at)}: {message} ({keyword})");
            }
        }
        if (errors.Count == 0)
        {
            errors.Add("does not match the schema");
        }
        return new SchemaCheck(schemaName, errors.Distinct().ToArray());
    }

    /// <summary>Checks UTF-8 JSON bytes; malformed JSON is reported as an error, not thrown.</summary>
    public SchemaCheck Check(string schemaName, ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            return Check(schemaName, document.RootElement);
        }
        catch (JsonException ex)
        {
            return new SchemaCheck(schemaName, [$"malformed JSON: {ex.Message}"]);
        }
    }
}
