using System.Globalization;
using System.Text.Json;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Pipeline.Running;

/// <summary>A problem with the input paths themselves (not with a record in them): missing file, unreadable folder.</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>
/// Reads input records from JSON-lines files (<c>.jsonl</c>, one record per line) and JSON files (<c>.json</c>, one object
/// or an array of objects). Records are passed on as raw bytes, unparsed beyond finding a key: checking them is the
/// stages' job, so a bad line becomes a dead letter with its original bytes rather than an exception here.
/// </summary>
/// <remarks>
/// Memory stays bounded whatever the file holds: a line over the record limit, a .json file over its limit, or a file
/// in UTF-16/UTF-32 is passed on as one <see cref="RefusedInput"/> with a sample of its bytes, which the stage turns
/// into one dead letter (<c>oversize</c>, <c>unsupported_encoding</c>), and reading goes on. A UTF-8 byte-order mark
/// is skipped. Paths that are not regular files (devices, FIFOs) are refused up front.
/// </remarks>
public static class InputReader
{
    public static IReadOnlyList<string> ResolveFiles(string path)
    {
        if (File.Exists(path))
        {
            return [RegularFile(Path.GetFullPath(path), path)];
        }
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Select(f => RegularFile(Path.GetFullPath(f), f))
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

    private static string RegularFile(string fullPath, string given) => FileKind.IsRegularOrUnknown(fullPath)
        ? fullPath
        : throw new InputException($"input '{given}' is not a regular file (a device, FIFO or socket); copy the records into a .jsonl file and give that");

    public static IEnumerable<InputRecord> Read(string file) => Read(file, InputLimits.MaxRecordBytes, InputLimits.MaxJsonFileBytes);

    /// <param name="maxRecordBytes">Longest line passed on as a record; a longer one becomes one <c>oversize</c> refusal.</param>
    /// <param name="maxJsonFileBytes">Largest .json file parsed; a larger one becomes one <c>oversize</c> refusal.</param>
    public static IEnumerable<InputRecord> Read(string file, int maxRecordBytes, long maxJsonFileBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 1);
        var topic = InputFeeder.TopicForFile(file);
        var name = Path.GetFileName(file);
        // Opened here, not when enumeration starts, so that an unreadable file fails the call that names it.
        var stream = Open(file);
        return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ReadJson(stream, topic, name, file, maxJsonFileBytes)
            : ReadLines(stream, topic, name, file, maxRecordBytes);
    }

    /// <summary>
    /// Reads the complete lines a growing JSON-lines file holds after <paramref name="position"/> (a line still being
    /// written, without its newline, waits for the next call); <paramref name="position"/> and <paramref name="lines"/>
    /// move past what was read. Limits and refusals are those of <see cref="Read(string)"/>; a line that outgrows the
    /// record limit before its newline arrives is passed on (and refused as oversize) rather than buffered further.
    /// </summary>
    public static IReadOnlyList<InputRecord> ReadAppended(string file, ref long position, ref long lines)
    {
        var topic = InputFeeder.TopicForFile(file);
        var name = Path.GetFileName(file);
        byte[] appended;
        using (var stream = Open(file))
        {
            if (stream.Length <= position)
            {
                return [];
            }
            stream.Seek(position, SeekOrigin.Begin);
            appended = new byte[(int)Math.Min(stream.Length - position, (long)InputLimits.MaxRecordBytes + 2)];
            appended = appended[..Fill(stream, appended, file)];
        }
        var complete = Array.LastIndexOf(appended, (byte)'\n') + 1;
        if (complete == 0 && appended.Length < InputLimits.MaxRecordBytes + 2)
        {
            return [];
        }
        var take = complete == 0 ? appended.Length : complete;
        var records = ReadLines(new MemoryStream(appended, 0, take), topic, name, file, InputLimits.MaxRecordBytes, firstLine: lines, sniff: position == 0).ToList();
        position += take;
        lines += appended.AsSpan(0, take).Count((byte)'\n');
        return records;
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

    private static int ReadSome(Stream stream, byte[] buffer, int offset, int count, string file)
    {
        try
        {
            return stream.Read(buffer, offset, count);
        }
        catch (IOException ex)
        {
            throw new InputException($"cannot read input file '{file}': {ex.Message}");
        }
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the stream allows; returns how many bytes it holds.</summary>
    private static int Fill(Stream stream, byte[] buffer, string file)
    {
        int filled = 0, read;
        while (filled < buffer.Length && (read = ReadSome(stream, buffer, filled, buffer.Length - filled, file)) > 0) filled += read;
        return filled;
    }

    /// <summary>
    /// Splits a stream on '\n' (dropping a trailing '\r'), holding one line at a time; bytes stay as they are. A line
    /// over <paramref name="maxRecordBytes"/> is not buffered: its first bytes are kept as a sample, the rest counted
    /// and skipped up to the next newline.
    /// </summary>
    private static IEnumerable<InputRecord> ReadLines(Stream stream, string topic, string name, string file, int maxRecordBytes,
        long firstLine = 0, bool sniff = true)
    {
        using (stream)
        {
            // Room for the longest line allowed, its '\r' and its '\n'.
            var cap = (int)Math.Min((long)maxRecordBytes + 2, Array.MaxLength);
            var buffer = new byte[Math.Min(1 << 16, cap)];
            var filled = Fill(stream, buffer, file);
            var start = 0;
            // Only a file's start can show its encoding (a followed file is read on from the middle).
            var sniffed = sniff ? TextEncodingSniffer.Detect(buffer.AsSpan(0, filled)) : default;
            if (sniffed.Unsupported is not null)
            {
                yield return Refused(topic, name, name, Rejection.UnsupportedEncoding, TextEncodingSniffer.Advice(name, sniffed), buffer.AsSpan(0, filled));
                yield break;
            }
            start = sniffed.BomLength;
            long line = firstLine;
            long skipped = -1; // bytes of the oversize line being skipped, or -1
            byte[] sample = [];
            var read = filled;
            while (true)
            {
                if (skipped >= 0)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                    if (newline < 0 && read > 0)
                    {
                        skipped += filled - start;
                        start = filled;
                    }
                    else
                    {
                        var end = newline < 0 ? filled : newline;
                        skipped += end - start;
                        yield return Oversize(topic, name, line, skipped, maxRecordBytes, sample);
                        skipped = -1;
                        start = Math.Min(end + 1, filled);
                    }
                }
                while (skipped < 0)
                {
                    var end = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                    if (end < 0 && (read > 0 || start == filled)) break; // need more bytes, or nothing left
                    if (end < 0) end = filled; // last line without a newline
                    line++;
                    var slice = buffer.AsSpan(start, end - start);
                    if (slice.Length > 0 && slice[^1] == '\r') slice = slice[..^1];
                    if (slice.Length > maxRecordBytes)
                    {
                        yield return Oversize(topic, name, line, slice.Length, maxRecordBytes, slice[..Math.Min(slice.Length, InputLimits.SampleBytes)].ToArray());
                    }
                    else if (ToRecord(slice, topic, name, line) is { } record)
                    {
                        yield return record;
                    }
                    start = Math.Min(end + 1, filled);
                }
                if (read == 0 && start >= filled) yield break;
                // Keep the unfinished line; when it fills the buffer, grow it up to the cap, then start skipping.
                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                start = 0;
                if (filled == buffer.Length && skipped < 0)
                {
                    if (buffer.Length < cap)
                    {
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, cap));
                    }
                    else
                    {
                        line++;
                        sample = buffer[..Math.Min(filled, InputLimits.SampleBytes)];
                        skipped = filled;
                        filled = 0;
                    }
                }
                read = ReadSome(stream, buffer, filled, buffer.Length - filled, file);
                filled += read;
            }
        }
    }

    private static InputRecord Oversize(string topic, string name, long line, long bytes, int maxRecordBytes, ReadOnlySpan<byte> sample)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{name}:{line}");
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"line {line} of '{name}' is {bytes:N0} bytes, over the record limit of {maxRecordBytes:N0}; the dead letter keeps its first {sample.Length:N0} bytes (a JSON array belongs in a .json file, one record per line in .jsonl)");
        return Refused(topic, where, where, Rejection.Oversize, reason, sample);
    }

    private static InputRecord Refused(string topic, string key, string origin, string code, string reason, ReadOnlySpan<byte> bytes) =>
        new(topic, key, RefusedInput.Encode(code, reason, bytes[..Math.Min(bytes.Length, InputLimits.SampleBytes)]), origin);

    private static InputRecord? ToRecord(ReadOnlySpan<byte> slice, string topic, string name, long line)
    {
        if (IsBlank(slice)) return null;
        var value = slice.ToArray();
        var where = string.Create(CultureInfo.InvariantCulture, $"{name}:{line}");
        return new InputRecord(topic, KeyOf(value, topic) ?? where, value, where);
    }

    /// <summary>A .json file is parsed whole, so it is read only up to its limit; each element of a top-level array is
    /// passed on as its original bytes.</summary>
    private static IEnumerable<InputRecord> ReadJson(Stream stream, string topic, string name, string file, long maxJsonFileBytes)
    {
        byte[] bytes;
        using (stream)
        {
            var length = stream.Length;
            // Never more than the limit in memory: a larger file is only sampled (and a file that grew while being read is
            // caught by reading one byte past the limit).
            bytes = new byte[length > maxJsonFileBytes ? InputLimits.SampleBytes : (int)Math.Min(length + 1, Array.MaxLength)];
            var filled = Fill(stream, bytes, file);
            if (length > maxJsonFileBytes || filled > maxJsonFileBytes)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"'{name}' is {Math.Max(length, filled):N0} bytes; a .json file is read whole and may be at most {maxJsonFileBytes:N0}: write one record per line to a .jsonl file instead");
                return [Refused(topic, name, name, Rejection.Oversize, reason, bytes.AsSpan(0, filled))];
            }
            Array.Resize(ref bytes, filled);
        }
        var sniffed = TextEncodingSniffer.Detect(bytes);
        if (sniffed.Unsupported is not null)
        {
            return [Refused(topic, name, name, Rejection.UnsupportedEncoding, TextEncodingSniffer.Advice(name, sniffed), bytes)];
        }
        return SplitJson(bytes[sniffed.BomLength..], topic, name);
    }

    private static IEnumerable<InputRecord> SplitJson(byte[] bytes, string topic, string name)
    {
        var elements = ArrayElements(bytes);
        if (elements is null)
        {
            // One object, or a malformed file: one record, which the stage dead-letters with the bytes if it is bad.
            yield return new InputRecord(topic, KeyOf(bytes, topic) ?? name, bytes, name);
            yield break;
        }
        var i = 0;
        foreach (var (start, length) in elements)
        {
            i++;
            var value = bytes.AsSpan(start, length).ToArray();
            var where = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
            yield return new InputRecord(topic, KeyOf(value, topic) ?? where, value, where);
        }
    }

    /// <summary>Where each element of a top-level array lies in <paramref name="bytes"/>; null when the file is not a
    /// well-formed array. Slices keep each element's bytes exactly as written (escapes included), where parsing and
    /// serialising again would change them or fail on them.</summary>
    private static List<(int Start, int Length)>? ArrayElements(byte[] bytes)
    {
        var options = new JsonReaderOptions { MaxDepth = JsonInputScan.MaxDepth + 1 }; // an element may nest as deep as a line
        try
        {
            var reader = new Utf8JsonReader(bytes, options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
            var elements = new List<(int, int)>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                elements.Add((start, (int)reader.BytesConsumed - start));
            }
            return reader.Read() ? null : elements; // anything after the array makes the file malformed
        }
        catch (JsonException)
        {
            return null;
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
