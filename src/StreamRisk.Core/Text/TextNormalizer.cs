using System.Text;

namespace StreamRisk.Core.Text;

/// <summary>
/// Canonical form of a text before hashing and recognition: control characters and invisible format characters
/// (<see cref="IsInvisible"/>) removed (except \n and \t),
/// Unicode NFC, every whitespace run collapsed to one space, or to "\n\n" where the run held a paragraph
/// break, and trimmed. Idempotent: normalising a normalised text returns it unchanged.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Controls go first: removing one later could bring a base letter and a combining mark together,
        // which a second NFC pass would compose (normalisation would not be idempotent).
        var stripped = StripControls(text);
        var composed = IsTriviallyNfc(stripped) ? stripped : stripped.Normalize(NormalizationForm.FormC);
        return CollapseWhitespace(composed);
    }

    /// <summary>
    /// Format characters that render as nothing: zero-width space, joiners and non-joiner (U+200B–U+200D), direction
    /// marks and embeddings, word joiner and invisible operators (U+2060–U+2064), the byte-order mark / zero-width
    /// no-break space (U+FEFF), soft hyphen, Mongolian vowel separator. The pipeline reads words and names: such a
    /// character can only hide a match ("Tex\u200Baco") or make an empty text look non-empty, so it counts as nothing.
    /// </summary>
    public static bool IsInvisible(char c) => c is '\u00AD' or '\u061C' or '\u180E' or (>= '\u200B' and <= '\u200F')
        or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u206F') or '\uFEFF';

    /// <summary>True when <paramref name="text"/> holds a surrogate that is not half of a high-low pair (not valid Unicode).</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    /// <summary>Removes control characters other than \n, \t, \r (line breaks are judged later), invisible characters, and
    /// replaces lone surrogates with U+FFFD so NFC cannot fail on malformed input.</summary>
    private static string StripControls(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsRepair(text, i)) { first = i; break; }
            if (char.IsHighSurrogate(text[i])) i++;
        }
        if (first < 0) return text;

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (!IsStrippedControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsRepair(string text, int i)
    {
        var c = text[i];
        if (IsStrippedControl(c)) return true;
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        return char.IsLowSurrogate(c);
    }

    private static bool IsStrippedControl(char c) => (char.IsControl(c) && c is not ('\n' or '\t' or '\r' or '\u0085')) || IsInvisible(c);

    // No character below U+0300 decomposes or composes with another below U+0300, so such text is already NFC.
    private static bool IsTriviallyNfc(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300') return false;
        return true;
    }

    private static string CollapseWhitespace(string text)
    {
        if (!NeedsCollapse(text)) return text;

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
                i++;
                continue;
            }
            var breaks = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                breaks += LineBreakWeight(text, i);
                i++;
            }
            if (i < text.Length) sb.Append(breaks >= 2 ? "\n\n" : " ");
        }
        return sb.ToString();
    }

    private static bool NeedsCollapse(string text)
    {
        if (text.Length == 0) return false;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c)) continue;
            if (c == ' ')
            {
                if (char.IsWhiteSpace(text[i + 1])) return true;
                continue;
            }
            // Only an exact "\n\n" between two non-space characters is already canonical.
            if (c == '\n' && text[i + 1] == '\n' && i + 2 < text.Length && !char.IsWhiteSpace(text[i + 2]))
            {
                i++;
                continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>How many line breaks the character at <paramref name="i"/> adds; "\r\n" counts once.</summary>
    private static int LineBreakWeight(string text, int i) => text[i] switch
    {
        '\n' or '\u0085' or '\u2028' => 1,
        '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? 0 : 1,
        '\u2029' => 2,
        _ => 0,
    };
}
