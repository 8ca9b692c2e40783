using System.Globalization;
using System.Text;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Ingest;

/// <summary>
/// What a <c>doc_id</c> or <c>source</c> must look like. Ids are compared exactly (de-duplication, the store's keys), so
/// ingest refuses an id that two senders could spell differently for the same thing, instead of repairing it: it must
/// hold a visible character, be in Unicode NFC, contain no control character, and neither start nor end with
/// whitespace (Unicode White_Space, U+3000 included) or an invisible format character (U+200B, U+FEFF, …). Trimming
/// silently would merge <c>" same "</c> with <c>"same"</c> and turn <c>"   "</c> into an empty id.
/// </summary>
public static class IdentifierRule
{
    /// <summary>Null when <paramref name="value"/> is an acceptable id; otherwise a sentence naming the field and the fault.</summary>
    public static string? Problem(string field, string value)
    {
        if (value.Length == 0) return $"{field} is empty";
        if (TextNormalizer.HasLoneSurrogate(value)) return $"{field} is not valid Unicode (it holds a lone surrogate)";
        if (value.All(IsBlank)) return $"{field} is only whitespace or invisible characters; it must hold a visible character";
        if (IsBlank(value[0]) || IsBlank(value[^1]))
        {
            return $"{field} '{Show(value)}' starts or ends with whitespace or an invisible character; ids are compared exactly, so send it without";
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{field} contains the control character U+{(int)value[i]:X4} at position {i}");
            }
        }
        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            return $"{field} '{Show(value)}' is not in Unicode NFC; send it composed (e.g. é as U+00E9, not e + U+0301)";
        }
        return null;
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || TextNormalizer.IsInvisible(c);

    private static string Show(string value)
    {
        var shown = value.Length <= 64 ? value : value[..(char.IsHighSurrogate(value[63]) ? 63 : 64)] + "…";
        // Make the offending edges visible in the message.
        var sb = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            if ((IsBlank(c) && c != ' ') || char.IsControl(c)) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
