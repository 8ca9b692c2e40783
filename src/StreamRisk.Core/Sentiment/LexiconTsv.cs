using System.Globalization;

namespace StreamRisk.Core.Sentiment;

/// <summary>Reads the <c>term&lt;TAB&gt;score</c> word lists under <c>data/lexicon</c>.</summary>
public static class LexiconTsv
{
    /// <summary>Terms in file order; blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <exception cref="FormatException">A line has no tab or its score is not a number.</exception>
    public static IEnumerable<KeyValuePair<string, double>> Parse(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new FormatException($"lexicon line {lineNumber}: expected term<TAB>score, found '{line}'");
            }

            yield return new KeyValuePair<string, double>(line[..tab].Trim(), score);
        }
    }
}
