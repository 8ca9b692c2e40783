using System.Diagnostics;
using StreamRisk.Bench.Onnx;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;

// ONNX path: the firm-sentiment stage (tokenise, window, bucket, pad, run, pool, softmax) against raw ONNX Runtime
// batch inference of the same texts, pre-tokenised and pre-batched, measured in the same run.
// Usage: StreamRisk.Bench.Onnx MANIFEST [docs=4000] [batch=32] [threads=0]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: StreamRisk.Bench.Onnx MANIFEST(graph pooling) [docs] [batch] [threads]");
    return 2;
}
var manifest = args[0];
var docs = args.Length > 1 ? int.Parse(args[1]) : 4000;
var batchSize = args.Length > 2 ? int.Parse(args[2]) : 32;
var threads = args.Length > 3 ? int.Parse(args[3]) : 0;
var options = new OnnxRuntimeOptions { BatchSize = batchSize, IntraOpThreads = threads };
var requests = BenchCorpus.Requests(docs, seed: 7);

using var model = OnnxAbsaModel.Load(manifest, options);
using var raw = EncoderSession.Open(manifest, ModelTasks.AspectSentiment, options);
if (raw.Manifest.Pooling != "graph") throw new ArgumentException("the raw reference needs a graph-pooling ABSA manifest");

// Reference input: the same rows the stage builds, made before the clock starts.
// The stage receives documents in chunks (a consumer's poll); the reference batches each chunk the same way.
const int chunk = 512;
var tokenized = requests.Select(r => raw.Tokenizer.Encode(r.Text)).ToArray();
var batches = new List<EncoderBatch>();
for (var start = 0; start < docs; start += chunk)
{
    var count = Math.Min(chunk, docs - start);
    var plan = LengthBatchPlanner.Plan(tokenized.Skip(start).Take(count).Select(t => t.Count + 2).ToArray(), batchSize);
    foreach (var group in plan)
    {
        var length = tokenized[start + group[^1]].Count + 2;
        var batch = new EncoderBatch(group.Length, length, withAspectMask: true, raw.Tokenizer.PaddingId);
        for (var row = 0; row < group.Length; row++)
        {
            var doc = start + group[row];
            var t = tokenized[doc];
            batch.SetRow(row, t.Ids, raw.Tokenizer.ClassificationId, raw.Tokenizer.SeparatorId);
            var mention = MentionTokenMapper.Map(t, requests[doc].Mentions[0].Start, requests[doc].Mentions[0].End)!.Value;
            batch.MarkAspect(row, mention.First + 1, mention.End + 1);
        }
        batches.Add(batch);
    }
}
string[] outputs = ["logits"];

double RawOnce()
{
    var sw = Stopwatch.StartNew();
    foreach (var b in batches) using (raw.Run(b, outputs)) { }
    return docs / sw.Elapsed.TotalSeconds;
}

double StageOnce()
{
    var sw = Stopwatch.StartNew();
    for (var start = 0; start < requests.Count; start += chunk)
        model.Score(requests.GetRange(start, Math.Min(chunk, requests.Count - start)));
    return docs / sw.Elapsed.TotalSeconds;
}

double TokenizeOnce()
{
    var sw = Stopwatch.StartNew();
    foreach (var r in requests) raw.Tokenizer.Encode(r.Text);
    return docs / sw.Elapsed.TotalSeconds;
}

RawOnce();
StageOnce();
TokenizeOnce();
var rawRates = new List<double>();
var stageRates = new List<double>();
for (var round = 0; round < 3; round++)
{
    rawRates.Add(RawOnce());
    stageRates.Add(StageOnce());
}
var rawBest = rawRates.Max();
var stageBest = stageRates.Max();
Console.WriteLine($"model {model.ModelId} on {model.ExecutionProvider}, {docs} docs, batch {batchSize}, intra-op threads {(threads == 0 ? "default" : threads)}");
Console.WriteLine($"raw ONNX Runtime batch inference: {rawBest:F0} docs/s (reference)");
Console.WriteLine($"firm-sentiment stage (OnnxAbsaModel.Score): {stageBest:F0} docs/s");
Console.WriteLine($"of which tokenisation alone: {TokenizeOnce():F0} docs/s");
Console.WriteLine($"stage / raw = {stageBest / rawBest:P1} (target >= 90%)");

// Per-document latency: one text at a time through the runner, as a stage sees a lone arrival.
var latencies = new List<double>();
var latencyDocs = Math.Min(docs, 200);
for (var i = 0; i < latencyDocs; i++)
{
    var sw = Stopwatch.StartNew();
    model.Score([requests[i]]);
    latencies.Add(sw.Elapsed.TotalMilliseconds);
}
latencies.Sort();
double Quantile(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
Console.WriteLine($"per-document latency, one text at a time ({latencyDocs} texts): p50 {Quantile(0.5):F2} ms, p99 {Quantile(0.99):F2} ms");
return 0;
