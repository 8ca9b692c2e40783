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
        var name = Path.GetFileName(file);
        if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // JSON lines are streamed: a simulated market's files run to gigabytes.
            return ReadLines(Open(file), topic, name, file);
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read input file '{file}': {ex.Message}");
        }
        return ReadJson(bytes, topic, name);
    }

    private static FileStream Open(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read input file '{file}': {ex.Message}");
        }
    }

    /// <summary>Splits a stream on '\n' (dropping a trailing '\r'), holding one line at a time; bytes stay as they are.</summary>
    private static IEnumerable<InputRecord> ReadLines(Stream stream, string topic, string name, string file)
    {
        using (stream)
        {
            var buffer = new byte[1 << 16];
            int filled = 0, line = 0;
            while (true)
            {
                int read;
                try
                {
                    read = stream.Read(buffer, filled, buffer.Length - filled);
                }
                catch (IOException ex)
                {
                    throw new InputException($"cannot read input file '{file}': {ex.Message}");
                }
                filled += read;
                var start = 0;
                while (true)
                {
                    var end = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                    if (end < 0 && (read > 0 || start == filled)) break; // need more bytes, or nothing left
                    if (end < 0) end = filled; // last line without a newline
                    line++;
                    if (ToRecord(buffer.AsSpan(start, end - start), topic, name, line) is { } record)
                    {
                        yield return record;
                    }
                    start = Math.Min(end + 1, filled);
                }
                if (read == 0) yield break;
                // Keep the unfinished line, and make room when one line fills the whole buffer.
                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private static InputRecord? ToRecord(ReadOnlySpan<byte> slice, string topic, string name, int line)
    {
        if (slice.Length > 0 && slice[^1] == '\r') slice = slice[..^1];
        if (IsBlank(slice)) return null;
        var value = slice.ToArray();
        return new InputRecord(topic, KeyOf(value, topic) ?? $"{name}:{line}", value, $"{name}:{line}");
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
