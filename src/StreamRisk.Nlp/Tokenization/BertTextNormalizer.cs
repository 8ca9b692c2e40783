using System.Globalization;
using System.Text;

namespace StreamRisk.Nlp.Tokenization;

/// <summary>BERT's basic normalisation (as Hugging Face's BertNormalizer): drop control characters, map whitespace to
/// a space, put spaces around CJK ideographs, strip accents, lower-case. Done here rather than inside
/// Microsoft.ML.Tokenizers because that one reports offsets in the normalised text, and mentions need the original's.</summary>
public sealed class BertTextNormalizer(bool lowerCase, bool stripAccents, bool tokenizeChineseChars)
{
    public NormalizedText Normalize(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        var starts = new List<int>(text.Length + 8);
        var ends = new List<int>(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c < 128)
            {
                // ASCII fast path: the large majority of characters in financial news.
                if (c is ' ' or '\t' or '\n' or '\r') Append(' ', i, i + 1);
                else if (c >= 32 && c != 127) Append(lowerCase && c is >= 'A' and <= 'Z' ? (char)(c + 32) : c, i, i + 1);
                i++;
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = length == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
            var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
            if (codePoint == 0xFFFD || category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                i += length;
                continue;
            }
            if (category == UnicodeCategory.SpaceSeparator)
            {
                Append(' ', i, i + length);
            }
            else if (tokenizeChineseChars && IsCjkIdeograph(codePoint))
            {
                Append(' ', i, i + length);
                AppendCodePoint(text, i, length);
                Append(' ', i, i + length);
            }
            else
            {
                AppendCodePoint(text, i, length);
            }
            i += length;
        }
        return new NormalizedText(output.ToString(), starts.ToArray(), ends.ToArray());

        void Append(char ch, int start, int end)
        {
            output.Append(ch);
            starts.Add(start);
            ends.Add(end);
        }

        void AppendCodePoint(string source, int start, int length)
        {
            var piece = source.Substring(start, length);
            if (stripAccents) piece = piece.Normalize(NormalizationForm.FormD);
            if (lowerCase) piece = piece.ToLowerInvariant();
            foreach (var ch in piece)
            {
                if (stripAccents && CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
                Append(ch, start, start + length);
            }
        }
    }

    /// <summary>The CJK Unified Ideographs blocks BERT splits character by character (not Hangul, kana).</summary>
    public static bool IsCjkIdeograph(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
