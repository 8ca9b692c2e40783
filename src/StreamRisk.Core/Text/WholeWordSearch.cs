namespace StreamRisk.Core.Text;

/// <summary>Finds a name in a text as a whole word (or words): case-insensitive, starting and ending at a word boundary,
/// so "Ince" is not found inside "Province".</summary>
public static class WholeWordSearch
{
    /// <summary>Every occurrence of <paramref name="name"/> in <paramref name="text"/> as [Start, End) character ranges.</summary>
    public static List<(int Start, int End)> Occurrences(string text, string name)
    {
        var found = new List<(int Start, int End)>();
        if (name.Length == 0) return found;
        for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = i + name.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                found.Add((i, end));
        }
        return found;
    }
}
