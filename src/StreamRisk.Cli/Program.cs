using System.CommandLine;
using System.CommandLine.Invocation;
using StreamRisk.Cli.Commands;

var root = new RootCommand(
    "StreamRisk: streaming credit-risk monitor. Reads news, finds issuers, scores firm- and industry-level sentiment, "
    + "builds a causal daily index per issuer, refreshes risk scores and raises alerts. "
    + "Exit codes: 0 success, 1 replay differs from the live run, 2 bad input or configuration (one line on stderr says what to fix).");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(TopicsCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(GraphCommand.Create());
root.Subcommands.Add(DlqCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(TeamsCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(LiveCommand.Create());
var parsed = root.Parse(args);
if (parsed.Action is ParseErrorAction)
{
    // A command line the parser refuses is bad configuration (exit 2), like every other one; the parser's own action would
    // exit 1, which scripts read as a replay mismatch, and print the whole help after the error.
    return await ParseErrors.ReportAsync(parsed);
}
// Spans go to an OTLP collector only when OTEL_EXPORTER_OTLP_ENDPOINT names one; disposing the provider flushes them.
OpenTelemetry.Trace.TracerProvider? tracing;
try
{
    tracing = TraceExport.FromEnvironment();
}
catch (StreamRisk.Pipeline.Running.ConfigurationException ex)
{
    await CommandErrors.WriteAsync("", ex.Message);
    return CommandErrors.BadInputOrConfiguration;
}
using (tracing)
{
    // SIGTERM/Ctrl+C cancel the command's token; the default grace of 2 s before the process is killed is shorter than a
    // worker or `live` needs to finish its batch under load (seen as exit 143 in CI), so they get as long as a container stop.
    return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
}
