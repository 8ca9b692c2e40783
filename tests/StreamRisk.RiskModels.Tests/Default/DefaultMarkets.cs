using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;
using StreamRisk.Core.Topics;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary>Hand-made default-prediction markets: issuers file on fixed days, texts and class changes as the test says.</summary>
internal static class DefaultMarkets
{
    public static readonly DateOnly Start = new(2001, 1, 1);

    public static DateTimeOffset At(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>A statement for <paramref name="periodEnd"/> published <paramref name="lagDays"/> later at noon, whose
    /// indicators are all <paramref name="value"/>.</summary>
    public static Fundamentals Statement(string issuer, DateOnly periodEnd, int lagDays = 40, double value = 1)
    {
        var published = periodEnd.AddDays(lagDays);
        return new Fundamentals(issuer, periodEnd, At(published.Year, published.Month, published.Day),
            EmdlotIndicators.Names.ToDictionary(n => n, _ => value));
    }

    /// <summary>Quarterly statements for every quarter end from <see cref="Start"/> through <paramref name="last"/>.</summary>
    public static IEnumerable<Fundamentals> Quarterly(string issuer, DateOnly last, int lagDays = 40)
    {
        for (var end = QuarterCalendar.QuarterEnd(Start); end <= last; end = QuarterCalendar.AddQuarters(end, 1))
        {
            yield return Statement(issuer, end, lagDays, value: end.Year + end.Month / 100.0);
        }
    }

    /// <summary>A market from <see cref="Start"/> for <paramref name="years"/> years with a macro row per quarter.</summary>
    public static DefaultMarket Market(int years, IEnumerable<string> issuers, IEnumerable<Fundamentals> statements,
        IEnumerable<IssuerDisclosure>? texts = null, IEnumerable<ClassChange>? changes = null)
    {
        var rows = new Dictionary<(int, int), double[]>();
        for (var y = Start.Year - 1; y < Start.Year + years + 1; y++)
            for (var q = 1; q <= 4; q++) rows[(y, q)] = [y + q / 10.0];
        return new DefaultMarket(Start, Start.AddYears(years).AddDays(-1), issuers.Select(i => (i, "banks")).ToList(),
            new MacroTable(["macro_factor"], rows), statements.ToList(), (texts ?? []).ToList(), (changes ?? []).ToList());
    }

    /// <summary>An embedder whose vector is one-hot at the text's first character's code mod the dimension, so means are
    /// easy to compute by hand.</summary>
    public sealed class OneHotEmbedder(int dimension = 8) : ITextEmbedder
    {
        public int Calls { get; private set; }

        public string ModelId => $"one-hot/{Dimension}";

        public int Dimension { get; } = dimension;

        public float[] Embed(string text)
        {
            Calls++;
            var vector = new float[Dimension];
            vector[text[0] % Dimension] = 1;
            return vector;
        }
    }
}
