using System.CommandLine;
using StreamRisk.Cli.Commands;

var root = new RootCommand(
    "StreamRisk: streaming credit-risk monitor. Reads news, finds issuers, scores firm- and industry-level sentiment, "
    + "builds a causal daily index per issuer, refreshes risk scores and raises alerts.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(TopicsCommand.Create());
root.Subcommands.Add(DlqCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
