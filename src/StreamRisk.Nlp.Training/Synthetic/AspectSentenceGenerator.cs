using System.Globalization;
using System.Text;
using StreamRisk.Core.Simulation;
using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Synthetic;

/// <summary>
/// Synthetic issuer-level training data: sentences naming one to three issuers, each with its own polarity, built from
/// the simulator's phrasebook (event clauses, pair frames) and <see cref="AspectPhrasebook"/>. Issuers are named by
/// made-up names, names holding sentiment words, or cashtags; opposite tones are paired in one sentence so the model
/// must use the mention's scope. Deterministic for a seed.
/// </summary>
public sealed class AspectSentenceGenerator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Rows (one per issuer of each sentence) from <paramref name="sentences"/> sentences.</summary>
    public List<LabelledText> Generate(int sentences)
    {
        var rows = new List<LabelledText>(sentences * 2);
        for (var i = 0; i < sentences; i++)
        {
            var (text, issuers) = _random.Next(10) switch
            {
                < 3 => Single(),
                < 6 => Joined(),
                < 8 => Frame(),
                _ => SimulatorPair(),
            };
            foreach (var (name, polarity) in issuers)
                rows.Add(new LabelledText(text, polarity + 1, name, LabelledTextReader.Occurrences(text, name), i + 1));
        }
        return rows;
    }

    private (string, List<(string, int)>) Single()
    {
        var a = Name();
        var polarity = _random.Next(3) - 1;
        var text = Sentence(Clause(polarity), a);
        // A bystander named in a neutral aside: its label is neutral whatever the main clause says.
        if (_random.Next(3) == 0)
        {
            var b = Name(a);
            return (text[..^1] + $", according to a note from analysts who also cover {b}.", [(a, polarity), (b, 0)]);
        }
        return (text, [(a, polarity)]);
    }

    private (string, List<(string, int)>) Joined()
    {
        var a = Name();
        var b = Name(a);
        var pa = _random.Next(3) - 1;
        // Mostly opposite or different tones: the case a sentence-level score cannot get right for both.
        var pb = _random.Next(4) == 0 ? pa : Other(pa);
        var first = Fill(Clause(pa), a);
        var second = Fill(Clause(pb), b);
        var connector = AspectPhrasebook.Connectors[_random.Next(AspectPhrasebook.Connectors.Length)];
        var text = Capitalise(first) + connector + (connector.StartsWith(". ", StringComparison.Ordinal) ? Capitalise(second) : second) + ".";
        return (text, [(a, pa), (b, pb)]);
    }

    private (string, List<(string, int)>) Frame()
    {
        var (frame, pa, pb) = AspectPhrasebook.PairFrames[_random.Next(AspectPhrasebook.PairFrames.Length)];
        var a = Name();
        var b = Name(a);
        var text = Fill(frame.Replace("{B}", "\u0001", StringComparison.Ordinal), a).Replace("\u0001", b, StringComparison.Ordinal);
        return (text, [(a, pa), (b, pb)]);
    }

    private (string, List<(string, int)>) SimulatorPair()
    {
        var up = Name();
        var down = Name(up);
        var frame = Pick(NewsPhrasebook.PairFrames)
            .Replace("{UPVERB}", Pick(NewsPhrasebook.RisingVerbs), StringComparison.Ordinal)
            .Replace("{DOWNVERB}", Pick(NewsPhrasebook.FallingVerbs), StringComparison.Ordinal)
            .Replace("{UPREASON}", Pick(NewsPhrasebook.GoodReasons), StringComparison.Ordinal)
            .Replace("{DOWNREASON}", Pick(NewsPhrasebook.BadReasons), StringComparison.Ordinal);
        var text = Slots(frame).Replace("{UP}", up, StringComparison.Ordinal).Replace("{DOWN}", down, StringComparison.Ordinal);
        return (text, [(up, 1), (down, -1)]);
    }

    /// <summary>A clause of the given tone: ours or the simulator's event clauses.</summary>
    private string Clause(int polarity)
    {
        if (_random.Next(3) == 0)
        {
            var events = polarity > 0 ? NewsPhrasebook.GoodEvents : polarity < 0 ? NewsPhrasebook.BadEvents : NewsPhrasebook.PlainEvents;
            return events[_random.Next(events.Length)].Clause;
        }
        return Pick(polarity > 0 ? AspectPhrasebook.GoodClauses : polarity < 0 ? AspectPhrasebook.BadClauses : AspectPhrasebook.PlainClauses);
    }

    private string Sentence(string clause, string name) => Capitalise(Fill(clause, name)) + ".";

    private string Fill(string template, string name) => Slots(template.Replace("{A}", name, StringComparison.Ordinal));

    private string Slots(string template)
    {
        var text = new StringBuilder(template);
        var n = 20 + _random.Next(900);
        text.Replace("{N}", N(n)).Replace("{M}", N(n + 10 + _random.Next(500)))
            .Replace("{PCT}", (0.5 + _random.Next(150) / 10.0).ToString("0.0", CultureInfo.InvariantCulture))
            .Replace("{BP}", N(10 + _random.Next(190))).Replace("{YEAR}", N(2026 + _random.Next(8)))
            .Replace("{PRICE}", N(40 + _random.Next(50))).Replace("{DECADE}", N(1900 + 10 * _random.Next(9)))
            .Replace("{PERSON}", Pick(AspectPhrasebook.Persons)).Replace("{CITY}", Pick(AspectPhrasebook.Cities))
            .Replace("{DAY}", Pick(AspectPhrasebook.Days)).Replace("{Q}", Pick(AspectPhrasebook.Quarters))
            .Replace("{IND}", "the sector");
        return text.ToString();
    }

    private string Name(string? not = null)
    {
        while (true)
        {
            var roll = _random.Next(10);
            var name = roll switch
            {
                < 3 => Pick(AspectPhrasebook.LoadedNames),
                < 9 => $"{Pick(AspectPhrasebook.NameStarts)} {Pick(AspectPhrasebook.NameEnds)}",
                _ => "$" + new string(Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => (char)('A' + _random.Next(26))).ToArray()),
            };
            if (not is null || (!name.Contains(not, StringComparison.OrdinalIgnoreCase) && !not.Contains(name, StringComparison.OrdinalIgnoreCase))) return name;
        }
    }

    private int Other(int polarity) => (polarity + 2 + _random.Next(2)) % 3 - 1;

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Capitalise(string s) => s.Length == 0 || char.IsUpper(s[0]) || s[0] == '$' ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
