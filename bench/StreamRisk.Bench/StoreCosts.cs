using System.Diagnostics;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Bench;

/// <summary>Cost of the SQLite writes one text causes on the ingest→firm path (raw input, document, firm sentiment rows).</summary>
public static class StoreCosts
{
    public static async Task PrintAsync(BenchCorpus corpus, int documents)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var admission = new NewsAdmission(new IngestOptions(), TimeProvider.System);
        var raws = Enumerable.Range(0, documents).Select(i => corpus.Document(i, start)).ToArray();
        var docs = raws.Select((b, i) => admission.Admit(EventJson.Deserialize<RawNews>(b), i + 1).Document!).ToArray();
        foreach (var sync in new[] { true, false })
        {
            var dir = Directory.CreateTempSubdirectory("streamrisk-store-bench-").FullName;
            await using (var store = new SqliteRiskStore(Path.Combine(dir, "s.db"), syncEachCommit: sync))
            {
                await store.MigrateAsync();
                foreach (var (name, batchOf) in new (string, Func<int, int, StoreBatch>)[]
                {
                    ("raw inputs", (from, n) => new StoreBatch { RawInputs = raws.Skip(from).Take(n).Select((v, k) => new RawInput(from + k + 1, Topics.NewsRaw, "k", v)).ToArray() }),
                    ("documents", (from, n) => new StoreBatch { Documents = docs.Skip(from).Take(n).ToArray() }),
                    ("firm sentiment", (from, n) => new StoreBatch { FirmSentiments = docs.Skip(from).Take(n).Select(d => new FirmSentiment(d.DocId + ":x", d.DocId, "x", d.PublishedAt, 0.2, 0.5, 0.3, 0.1, 1, "m", d.IngestSeq)).ToArray() }),
                })
                {
                    var sw = Stopwatch.StartNew();
                    for (var from = 0; from < documents; from += 512)
                    {
                        await store.UpsertAsync(batchOf(from, Math.Min(512, documents - from)));
                    }
                    Console.WriteLine($"  sync={sync,-5} {name,-15} {sw.Elapsed.TotalMilliseconds * 1000 / documents,7:0.0} µs/row (batches of 512)");
                }
            }
            Directory.Delete(dir, recursive: true);
        }
    }
}
