using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.IndustryText;

/// <summary>The embedded default: the lexicon scorer's tone; it picks no topics, so retrieval alone decides them.</summary>
public sealed class BuiltInIndustryTextModel(IIndustrySentimentModel? scorer = null) : IIndustryTextModel
{
    public const string NoPrompt = "none";

    private readonly IIndustrySentimentModel _scorer = scorer ?? new LexiconIndustrySentimentModel();

    public string ModelId => _scorer.ModelId;

    public string PromptVersion => NoPrompt;

    public ValueTask<IndustryTextAnswer> AnalyseAsync(IndustryTextRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Answer(request.Text));
    }

    /// <summary>The synchronous answer (the built-in scorer does no I/O).</summary>
    public IndustryTextAnswer Answer(string text) => new(_scorer.Score(text), [], ModelId, NoPrompt);
}
