using System.Globalization;
using System.Text.Json;

namespace StreamRisk.Core.Ingest;

/// <summary>
/// One pass over an input record's JSON, before schema validation and parsing, for what those two cannot be trusted
/// with: malformed JSON, escapes that spell no Unicode text (<c>"\ud800"</c>: System.Text.Json throws on reading such a
/// string, where the schema check or the parser would meet it), keys that occur twice in one object (the schema check
/// and the parser could each see a different value), and numbers beyond the range of a double (read as infinity).
/// The input must already be valid UTF-8.
/// </summary>
public static class JsonInputScan
{
    /// <summary>Null when the record may go on to schema validation; otherwise why not.</summary>
    public static Rejection? Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        // Per open container: its JSON Pointer, and for an object the keys seen so far (null for an array).
        var scopes = new Stack<(string Pointer, HashSet<string>? Keys)>();
        string? name = null;
        var index = new Stack<int>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var pointer = Here(scopes, name, index);
                        scopes.Push((pointer, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        index.Push(0);
                        name = null;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        scopes.Pop();
                        index.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!TryGetString(ref reader, out var key))
                        {
                            return new Rejection(Rejection.InvalidUnicode,
                                $"a key in {Object(scopes.Peek().Pointer)} holds an escaped lone surrogate (e.g. \\ud800 not followed by \\udc00-\\udfff); JSON text must be valid Unicode");
                        }
                        if (!scopes.Peek().Keys!.Add(key))
                        {
                            return new Rejection(Rejection.SchemaViolation,
                                $"duplicate key '{Shorten(key)}' in {Object(scopes.Peek().Pointer)}: each key may occur once per object");
                        }
                        name = key;
                        continue;
                    case JsonTokenType.String:
                        if (reader.ValueIsEscaped && !TryGetString(ref reader, out _))
                        {
                            return new Rejection(Rejection.InvalidUnicode,
                                $"the string at {Show(Here(scopes, name, index))} holds an escaped lone surrogate (e.g. \\ud800 not followed by \\udc00-\\udfff); JSON text must be valid Unicode");
                        }
                        break;
                    case JsonTokenType.Number:
                        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
                        {
                            return new Rejection(Rejection.SchemaViolation,
                                $"the number at {Show(Here(scopes, name, index))} is beyond the range of a double (±1.8e308)");
                        }
                        break;
                }
                // A value ended: the next one in an array has the next index.
                name = null;
                if (index.Count > 0) index.Push(index.Pop() + 1);
            }
        }
        catch (JsonException ex)
        {
            return new Rejection(Rejection.MalformedJson, $"malformed JSON: {ex.Message}");
        }
        return null;
    }

    /// <summary>How deep objects and arrays may nest: System.Text.Json's default, and far beyond any event's shape.</summary>
    public const int MaxDepth = 64;

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    /// <summary>The JSON Pointer of the value the reader is at.</summary>
    private static string Here(Stack<(string Pointer, HashSet<string>? Keys)> scopes, string? name, Stack<int> index)
    {
        if (scopes.Count == 0) return "";
        var parent = scopes.Peek();
        var segment = parent.Keys is null
            ? index.Peek().ToString(CultureInfo.InvariantCulture)
            : (name ?? "").Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        return parent.Pointer + "/" + segment;
    }

    private static string Show(string pointer) => pointer.Length == 0 ? "/" : Shorten(pointer);

    private static string Object(string pointer) => pointer.Length == 0 ? "the top-level object" : "the object at " + Shorten(pointer);

    private static string Shorten(string text)
    {
        if (text.Length <= 64) return text;
        var cut = char.IsHighSurrogate(text[63]) ? 63 : 64;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
