using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>A second run over a store continues the ingest watermark from the stored documents: the documents get the
/// stamps one uninterrupted run gives them.</summary>
public class PipelineRun_WatermarkRestart
{
    [Theory]
    [InlineData(2)]
    [InlineData(31)]
    [InlineData(40)]
    public async Task Ingesting_in_two_runs_stamps_every_document_as_one_run_does(int split)
    {
        // The hand-made corpus has late arrivals and bad records; split it into two files read in name order.
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Samples, "02-handmade.jsonl"));
        var input = RepositoryPaths.NewTempDirectory();
        var first = Path.Combine(input, "a.jsonl");
        var second = Path.Combine(input, "b.jsonl");
        await File.WriteAllLinesAsync(first, lines[..split]);
        await File.WriteAllLinesAsync(second, lines[split..]);

        var once = Path.Combine(RepositoryPaths.NewTempDirectory(), "once.db");
        await PipelineRun.RunAsync(new RunOptions { Inputs = [input], DatabasePath = once, IngestOnly = true }, null, CancellationToken.None);
        var twice = Path.Combine(RepositoryPaths.NewTempDirectory(), "twice.db");
        await PipelineRun.RunAsync(new RunOptions { Inputs = [first], DatabasePath = twice, IngestOnly = true }, null, CancellationToken.None);
        await PipelineRun.RunAsync(new RunOptions { Inputs = [second], DatabasePath = twice, IngestOnly = true }, null, CancellationToken.None);

        await using var a = new SqliteRiskStore(once);
        await using var b = new SqliteRiskStore(twice);
        var expected = (await a.GetDocumentsAsync()).Select(d => (d.DocId, d.IngestSeq, d.Watermark)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await b.GetDocumentsAsync()).Select(d => (d.DocId, d.IngestSeq, d.Watermark)));
    }
}
