using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// The options every pipeline command (run, ingest, replay) shares, added to a command and read back into
/// <see cref="RunOptions"/> in one place, so the three commands cannot drift apart.
/// </summary>
internal sealed class PipelineCommandOptions(string databaseDescription, bool withReference = true, bool withModels = true)
{
    private readonly Option<string?> _issuers = CommonOptions.Issuers();
    private readonly Option<string?> _reference = CommonOptions.Reference();
    private readonly Option<double?> _placementThreshold = CommonOptions.PlacementThreshold();
    private readonly Option<string?> _out = CommonOptions.Out();
    private readonly Option<string?> _db = CommonOptions.Db(databaseDescription);
    private readonly Option<int> _batch = CommonOptions.BatchSize();
    private readonly Option<int> _chunk = CommonOptions.ChunkSize();
    private readonly Option<bool> _quiet = CommonOptions.Quiet();
    private readonly Option<string> _sync = CommonOptions.SqliteSync();
    private readonly ModelCommandOptions _models = new();

    public void AddTo(Command command)
    {
        if (withReference)
        {
            command.Options.Add(_issuers);
            command.Options.Add(_reference);
            command.Options.Add(_placementThreshold);
        }
        _sync.AcceptOnlyFromAmong("normal", "full");
        foreach (var option in new Option[] { _out, _db, _batch, _chunk, _sync, _quiet })
        {
            command.Options.Add(option);
        }
        if (withModels)
        {
            _models.AddTo(command);
        }
    }

    /// <summary>Fills the shared settings of <paramref name="options"/> from the parsed command line.</summary>
    public RunOptions Read(ParseResult result, RunOptions options) => options with
    {
        IssuersFile = withReference ? result.GetValue(_issuers) : null,
        ReferenceDirectory = withReference ? result.GetValue(_reference) : null,
        PlacementThreshold = withReference ? result.GetValue(_placementThreshold) : null,
        OutDirectory = result.GetValue(_out),
        DatabasePath = result.GetValue(_db),
        BatchSize = result.GetValue(_batch),
        ChunkSize = result.GetValue(_chunk),
        SyncEachCommit = result.GetValue(_sync) == "full",
        Models = withModels ? _models.Read(result) : ModelOptions.BuiltIn,
    };

    public bool Quiet(ParseResult result) => result.GetValue(_quiet);
}
