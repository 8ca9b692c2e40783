using System.Diagnostics;
using System.Text.Json;
using StreamRisk.Core.IndustryText;
using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Nlp.Llm;
using StreamRisk.Tests.Shared.Llm;

// The industry LLM stage's model call (retrieval candidates → prompt → GGUF under the answer grammar → validation) on
// the Reuters sample texts, with the fixed prompt's KV cache reused and decoded again for every text, measured in the
// same process in alternating rounds. Usage: StreamRisk.Bench.Llm [REPO=.] [rounds=3] [threads=1] [GGUF=tiny random]
// or StreamRisk.Bench.Llm --write-tiny-gguf PATH: only write the tiny random-weight GGUF (for bench/llm-vs-latent).
if (args is ["--write-tiny-gguf", var target])
{
    Console.WriteLine(TinyGguf.Write(target));
    return 0;
}
var repo = args.Length > 0 ? args[0] : ".";
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var threads = args.Length > 2 ? int.Parse(args[2]) : 1;
var reference = ReferenceDataLoader.Load(Path.Combine(repo, "data", "reference"));
var modelPath = args.Length > 3 ? args[3] : TinyGguf.Write(Path.Combine(Path.GetTempPath(), "streamrisk-bench-tiny.gguf"));
var retriever = TopicRetriever.CreateBuiltIn(reference.Topics);
var texts = File.ReadLines(Path.Combine(repo, "data", "samples", "01-reuters.jsonl"))
    .Select(l => JsonDocument.Parse(l).RootElement)
    .Select(e => e.GetProperty("headline").GetString() + ". " + e.GetProperty("body").GetString())
    .ToList();
var requests = texts.Select(text => new IndustryTextRequest(text, retriever.Neighbours(text)
    .Select(n => retriever.Find(n.TopicId)!).Select(t => new TopicCandidate(t.TopicId, t.Name, t.Definition, 0)).ToList())).ToList();
var topicIds = reference.Topics.Select(t => t.TopicId).ToList();
var idSet = topicIds.ToHashSet(StringComparer.Ordinal);

async Task<(double TextsPerSecond, long Fallbacks, long PrefixDecodes, long Tokens)> Round(bool reuse)
{
    using var backend = GgufLanguageModel.Load(modelPath, topicIds, new GgufModelOptions { Threads = threads, ReusePrefix = reuse });
    var model = new LlmIndustryTextModel(backend, new IndustryPrompt(), idSet);
    var clock = Stopwatch.StartNew();
    foreach (var request in requests)
    {
        await model.AnalyseAsync(request, CancellationToken.None);
    }
    var rate = requests.Count / clock.Elapsed.TotalSeconds;
    return (rate, model.Counters.InvalidFallbacks + model.Counters.UnavailableFallbacks, backend.PrefixEvaluations, backend.TokensDecoded);
}

Console.WriteLine($"model {modelPath} ({new FileInfo(modelPath).Length:N0} bytes), {requests.Count} texts, {threads} thread(s), {rounds} rounds each, alternating");
var with = new List<double>();
var without = new List<double>();
for (var r = 0; r < rounds; r++)
{
    var a = await Round(reuse: true);
    var b = await Round(reuse: false);
    with.Add(a.TextsPerSecond);
    without.Add(b.TextsPerSecond);
    Console.WriteLine($"round {r + 1}: reuse {a.TextsPerSecond:F1} texts/s (prefix decodes {a.PrefixDecodes}, tokens {a.Tokens:N0}, fallbacks {a.Fallbacks}); " +
        $"no reuse {b.TextsPerSecond:F1} texts/s (prefix decodes {b.PrefixDecodes}, tokens {b.Tokens:N0}, fallbacks {b.Fallbacks}); ratio {a.TextsPerSecond / b.TextsPerSecond:F2}");
}
Console.WriteLine($"best: reuse {with.Max():F1} texts/s, no reuse {without.Max():F1} texts/s, ratio {with.Max() / without.Max():F2}");
Console.WriteLine($"median: reuse {with.Order().ElementAt(rounds / 2):F1} texts/s, no reuse {without.Order().ElementAt(rounds / 2):F1} texts/s");
return 0;
