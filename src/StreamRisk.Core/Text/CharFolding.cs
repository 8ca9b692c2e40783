using System.Text;

namespace StreamRisk.Core.Text;

/// <summary>
/// Per-character tables behind matching: full-width Latin/digits to ASCII, Latin diacritics removed,
/// case folded, and what each character is (word character, capital, whitespace, ignorable).
/// Built once so the hot path is a few array reads per character.
/// </summary>
internal static class CharFolding
{
    internal const byte Keep = 0, Space = 1, LineBreak = 2, Ignorable = 3, Ligature = 4;

    internal const byte WordChar = 1, LatinCapital = 2;

    private static readonly char[] LowerTable = new char[65536];
    private static readonly char[] CasedTable = new char[65536];
    private static readonly byte[] KindTable = new byte[65536];
    private static readonly byte[] ClassTable = new byte[65536];

    static CharFolding()
    {
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            var cased = WidthAndMarks(c);
            CasedTable[i] = cased;
            LowerTable[i] = char.ToLowerInvariant(cased);
            KindTable[i] = KindOf(c);
        }
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            byte cls = 0;
            if (char.IsLetterOrDigit(c) && !IsContinuousScript(c)) cls |= WordChar;
            if (c < '\u0250' && char.IsUpper(c)) cls |= LatinCapital;
            ClassTable[i] = cls;
        }
    }

    internal static char Lower(char c) => LowerTable[c];
    internal static char Cased(char c) => CasedTable[c];
    internal static byte Kind(char c) => KindTable[c];
    internal static bool IsWordChar(char c) => (ClassTable[c] & WordChar) != 0;
    internal static bool IsLatinCapital(char c) => (ClassTable[c] & LatinCapital) != 0;

    internal static string LigatureOf(char c) => c switch
    {
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        _ => "st",
    };

    /// <summary>Scripts written without spaces between words: a name may sit between any two characters.</summary>
    internal static bool IsContinuousScript(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\u1100' and <= '\u11FF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\u0E00' and <= '\u0E7F') or (>= '\uFF66' and <= '\uFF9F');

    private static char WidthAndMarks(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') return (char)(c - 0xFEE0);
        if (c is >= '\u00C0' and <= '\u024F') return LatinBase(c);
        return c switch
        {
            '\u2018' or '\u2019' or '\u02BC' => '\'',
            '\u2010' or '\u2011' => '-',
            _ => c,
        };
    }

    // "Nestlé" and "Nestle" name the same issuer; letters without a canonical decomposition are listed by hand.
    private static char LatinBase(char c)
    {
        switch (c)
        {
            case 'Ø': return 'O';
            case 'ø': return 'o';
            case 'Đ': return 'D';
            case 'đ': return 'd';
            case 'Ł': return 'L';
            case 'ł': return 'l';
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && decomposed[0] < '\u0080' && char.IsLetter(decomposed[0]) ? decomposed[0] : c;
    }

    private static byte KindOf(char c)
    {
        switch (c)
        {
            case '\n' or '\r' or '\u0085' or '\u2028' or '\u2029':
                return LineBreak;
            case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                return Ignorable;
            case >= '\uFB00' and <= '\uFB06':
                return Ligature;
            // Combining diacritics of decomposed (NFD) text fold away like the precomposed letters do.
            case >= '\u0300' and <= '\u036F':
                return Ignorable;
        }
        if (char.IsWhiteSpace(c)) return Space;
        if (char.IsControl(c)) return Ignorable;
        return Keep;
    }
}
