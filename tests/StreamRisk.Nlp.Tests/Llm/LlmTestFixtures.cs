using StreamRisk.Core.IndustryText;
using StreamRisk.Tests.Shared;
using StreamRisk.Tests.Shared.Llm;

namespace StreamRisk.Nlp.Tests.Llm;

/// <summary>The reference topic list, prompts and one tiny random-weight GGUF file per test run.</summary>
internal static class LlmTestFixtures
{
    private static readonly Lazy<string> SharedModel = new(() =>
        TinyGguf.Write(Path.Combine(Directory.CreateTempSubdirectory("streamrisk-gguf-").FullName, "tiny-random.gguf")));

    private static readonly Lazy<IReadOnlyList<(string Id, string Name, string Definition)>> SharedTopics = new(() =>
        File.ReadLines(RepositoryRoot.Of("data", "reference", "topics.csv")).Skip(1)
            .Select(line => line.Split(',', 4))
            .Select(f => (f[0], f[2].Trim('"'), f[3].Trim('"')))
            .ToList());

    public static string ModelPath => SharedModel.Value;

    public static IReadOnlyList<(string Id, string Name, string Definition)> Topics => SharedTopics.Value;

    public static IReadOnlyList<string> TopicIds => Topics.Select(t => t.Id).ToList();

    public static IReadOnlySet<string> TopicIdSet => TopicIds.ToHashSet(StringComparer.Ordinal);

    public static readonly string[] Texts =
    [
        "The central bank raised its policy rate by half a point to fight inflation.",
        "Crude oil jumped to an eight-month high after OPEC agreed to keep output ceilings.",
        "A typhoon shut ports and factories along the southern coast for three days.",
        "Several property developers missed coupon payments on dollar bonds.",
        "Chip makers reported record orders as demand for AI servers surged.",
        "The government announced new tariffs on imported steel and aluminium.",
        "Retail sales rose for the fifth month in a row.",
        "Credit spreads on high-yield bonds widened sharply this week.",
    ];

    /// <summary>A request whose candidates are the topics at positions <paramref name="seed"/>.. of the list.</summary>
    public static IndustryTextRequest Request(int seed)
    {
        var text = Texts[seed % Texts.Length] + (seed >= Texts.Length ? $" Report {seed}." : "");
        var candidates = Enumerable.Range(0, 3)
            .Select(i => Topics[((seed * 7) + (i * 13)) % Topics.Count])
            .Select(t => new TopicCandidate(t.Id, t.Name, t.Definition, 0.5))
            .ToList();
        return new IndustryTextRequest(text, candidates);
    }
}
