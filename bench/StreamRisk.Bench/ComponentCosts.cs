using System.Diagnostics;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Text;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Bench;

/// <summary>Per-document cost of each piece on the ingest→enrich→firm path, to see where the time goes.</summary>
public static class ComponentCosts
{
    public sealed record Cost(string What, double WallMicros, double CpuMicros);

    public static IReadOnlyList<Cost> Measure(BenchCorpus corpus, int documents)
    {
        var costs = new List<Cost>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var inputs = Enumerable.Range(0, documents).Select(i => corpus.Document(i, start)).ToArray();
        var admission = new NewsAdmission(new IngestOptions(), TimeProvider.System);
        var recognizer = new GazetteerIssuerRecognizer(corpus.Reference.Issuers);
        var firm = new LexiconFirmSentimentModel();
        RawNews[] raws = new RawNews[inputs.Length];
        NewsDocument[] docs = new NewsDocument[inputs.Length];
        IReadOnlyList<IssuerMention>[] mentions = new IReadOnlyList<IssuerMention>[inputs.Length];

        void Time(string what, int n, Action action) => costs.Add(TimeOne(what, n, action));
        Time("schema check (JsonSchema.Net)", inputs.Length, () => { foreach (var b in inputs) EventSchemas.Default.Check(Topics.NewsRaw, b); });
        Time("deserialize RawNews", inputs.Length, () => { for (var i = 0; i < inputs.Length; i++) raws[i] = EventJson.Deserialize<RawNews>(inputs[i]); });
        Time("admission (normalise + hash)", inputs.Length, () => { for (var i = 0; i < raws.Length; i++) docs[i] = admission.Admit(raws[i], i + 1).Document!; });
        Time("serialize NewsDocument", inputs.Length, () => { foreach (var d in docs) EventJson.Serialize(d); });
        Time("recognize issuers", inputs.Length, () => { for (var i = 0; i < docs.Length; i++) mentions[i] = recognizer.Recognize(EnrichedDocument.TextOf(docs[i])); });
        Time("serialize EnrichedDocument", inputs.Length, () => { for (var i = 0; i < docs.Length; i++) EventJson.Serialize(new EnrichedDocument(docs[i], mentions[i])); });
        Time("firm sentiment (all issuers of a doc)", inputs.Length, () =>
        {
            for (var i = 0; i < docs.Length; i++)
            {
                var text = EnrichedDocument.TextOf(docs[i]);
                var requests = mentions[i].GroupBy(m => m.IssuerId).Select(g => new AspectRequest(text, g.Key, g.ToArray())).ToArray();
                if (requests.Length > 0) firm.Score(requests);
            }
        });
        return costs;
    }

    private static Cost TimeOne(string what, int n, Action action)
    {
        action(); // warm-up
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        var wall = sw.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Cost(what, wall.TotalMilliseconds * 1000 / n, used.TotalMilliseconds * 1000 / n);
    }
}
