using System.Text;

namespace StreamRisk.Core.Reference;

/// <summary>
/// Which issuer names can be matched in text. A name with fewer than <see cref="MinLettersOrDigits"/> letters or digits
/// ("A", "-", "&amp;") would match at almost every word boundary of every text, so it is never matched; a one-letter
/// ticker is the exception, matched only in the Reuters form "&lt;F&gt;", where it is unambiguous.
/// </summary>
public static class IssuerNameRules
{
    public const int MinLettersOrDigits = 2;

    /// <summary>Letters and digits in <paramref name="name"/>, by Unicode scalar (a CJK character counts one).</summary>
    public static int LettersOrDigits(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var count = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) count++;
        }
        return count;
    }

    /// <summary>Whether a legal name or alias is matched at all.</summary>
    public static bool IsMatchableName(string name) => LettersOrDigits(name) >= MinLettersOrDigits;

    /// <summary>Whether a ticker is matched at all (one letter or digit: only as "&lt;F&gt;").</summary>
    public static bool IsMatchableTicker(string ticker) => LettersOrDigits(ticker) >= 1;
}
