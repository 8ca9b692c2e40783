using System.Text.Json;

namespace StreamRisk.Pipeline.Running;

/// <summary>A problem with the input paths themselves (not with a record in them): missing file, unreadable folder.</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>
/// Reads input records from JSON-lines files (<c>.jsonl</c>, one record per line) and JSON files (<c>.json</c>, one object
/// or an array of objects). Records are passed on as raw bytes, unparsed beyond finding a key: checking them is the
/// stages' job, so a bad line becomes a dead letter with its original bytes rather than an exception here.
/// </summary>
public static class InputReader
{
    public static IReadOnlyList<string> ResolveFiles(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Select(Path.GetFullPath)
                // Market data (fundamentals*, spreads*) first: it is looked up by event time, so feeding it ahead of the
                // news changes no result but lets every score see it. News files then arrive in name order.
                .OrderBy(f => InputFeeder.TopicForFile(f) == StreamRisk.Core.Events.Topics.NewsRaw)
                .ThenBy(f => f, StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
            {
                throw new InputException($"input folder '{path}' holds no .jsonl or .json files");
            }
            return files;
        }
        throw new InputException($"input '{path}' does not exist (give a .jsonl/.json file or a folder of them)");
    }

    public static IEnumerable<InputRecord> Read(string file)
    {
        var topic = InputFeeder.TopicForFile(file);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read input file '{file}': {ex.Message}");
        }
        var name = Path.GetFileName(file);
        return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(bytes, topic, name) : ReadLines(bytes, topic, name);
    }

    private static IEnumerable<InputRecord> ReadLines(byte[] bytes, string topic, string name)
    {
        var line = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) end = bytes.Length;
            line++;
            var length = end - start;
            if (length > 0 && bytes[start + length - 1] == '\r') length--;
            var slice = bytes.AsSpan(start, length);
            if (!IsBlank(slice))
            {
                var value = slice.ToArray();
                yield return new InputRecord(topic, KeyOf(value, topic) ?? $"{name}:{line}", value, $"{name}:{line}");
            }
            start = end + 1;
        }
    }

    private static IEnumerable<InputRecord> ReadJson(byte[] bytes, string topic, string name)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            // The whole file is one malformed record: the stage dead-letters it with the bytes.
        }
        if (document is null)
        {
            yield return new InputRecord(topic, name, bytes, name);
            yield break;
        }
        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    i++;
                    var value = JsonSerializer.SerializeToUtf8Bytes(element);
                    yield return new InputRecord(topic, KeyOf(value, topic) ?? $"{name}[{i}]", value, $"{name}[{i}]");
                }
            }
            else
            {
                yield return new InputRecord(topic, KeyOf(bytes, topic) ?? name, bytes, name);
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }

    /// <summary>The partition key: doc_id for news, issuer_id for numbers; null when the record is not readable JSON.</summary>
    private static string? KeyOf(byte[] value, string topic)
    {
        var field = topic == StreamRisk.Core.Events.Topics.NewsRaw ? "doc_id"u8 : "issuer_id"u8;
        try
        {
            var reader = new Utf8JsonReader(value);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(field);
                reader.Read();
                if (match && reader.TokenType == JsonTokenType.String) return reader.GetString();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        return null;
    }
}
