using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Bench.Onnx;

/// <summary>Deterministic news-like texts of varied length, each naming one issuer.</summary>
internal static class BenchCorpus
{
    private static readonly string[] Issuers = ["Meridian Holdings", "Zenith Trading", "Apex Energy", "Harbor Bank"];
    private static readonly string[] Clauses =
    [
        "reported quarterly revenue above consensus", "cut its full-year guidance citing weaker demand",
        "was downgraded by two notches after covenant breaches", "priced a new five-year bond at a tight spread",
        "faces a lawsuit over delayed coupon payments", "said liquidity remains ample and refinancing is on track",
        "announced layoffs at its largest plant", "won a large government contract",
    ];

    public static List<AspectRequest> Requests(int count, int seed)
    {
        var random = new Random(seed);
        var requests = new List<AspectRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var issuer = Issuers[random.Next(Issuers.Length)];
            var clauses = random.Next(1, 6);
            var text = issuer + " " + string.Join(", and ", Enumerable.Range(0, clauses).Select(_ => Clauses[random.Next(Clauses.Length)])) + ".";
            requests.Add(new AspectRequest(text, issuer, [new IssuerMention(issuer, issuer, 0, issuer.Length, "exact", 1.0)]));
        }
        return requests;
    }
}
