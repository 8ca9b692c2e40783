using StreamRisk.Core.Events;
using StreamRisk.Core.IndustryText;
using StreamRisk.Core.Topics;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>
/// The industry stage asks its <see cref="IIndustryTextModel"/> with the retrieved candidates' definitions, combines
/// the model's topic choice with retrieval, and writes the model id, prompt version and any fallback on every event.
/// </summary>
public class IndustrySentimentStage_TextModel
{
    private sealed class ScriptedModel(IndustryTextAnswer answer) : IIndustryTextModel
    {
        public List<IndustryTextRequest> Requests { get; } = [];
        public string ModelId => answer.ModelId;
        public string PromptVersion => answer.PromptVersion;

        public async ValueTask<IndustryTextAnswer> AnalyseAsync(IndustryTextRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            await Task.Yield(); // an asynchronous model, as an LLM is
            return answer;
        }
    }

    private const string OilText = "OPEC ministers agreed to keep output ceilings and crude oil prices rose to an eight-month high.";

    private static async Task<IReadOnlyList<IndustrySentiment>> RunAsync(IIndustryTextModel model, Action<StageHarness>? check = null)
    {
        await using var harness = await StageHarness.CreateAsync();
        var reference = WorkerHost.LoadReference(null);
        var topics = TopicRetriever.CreateBuiltIn(reference.Topics);
        await using var stage = new IndustrySentimentStage(harness.Context, model, topics, Core.Graph.EmbeddedKnowledgeGraph.From(reference));
        var document = new NewsDocument("doc-oil", "test", new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), "Oil", OilText, "en", "hash", 1);
        await harness.PublishAsync(Topics.Mentions, "doc-oil", EventJson.Serialize(new EnrichedDocument(document, [])));
        await stage.PumpAsync(100, TimeSpan.Zero, CancellationToken.None);
        check?.Invoke(harness);
        return await harness.ReadAsync<IndustrySentiment>(Topics.IndustrySentiment);
    }

    [Fact]
    public async Task The_model_reads_the_candidates_definitions_and_its_topic_choice_reaches_the_events()
    {
        var model = new ScriptedModel(new IndustryTextAnswer(1, ["we_opec_output_restraint", "ir_gulf_conflict"], "scripted", "industry-en/1"));
        var events = await RunAsync(model, h => Assert.Equal((1L, 0L), (h.Counters.IndustryLlmAnswers, h.Counters.IndustryLlmFallbacks)));

        var request = Assert.Single(model.Requests);
        Assert.Equal(OilText, request.Text[(request.Text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
        Assert.Equal(5, request.Candidates.Count);
        Assert.Contains(request.Candidates, c => c.TopicId == "we_opec_output_restraint" && c.Definition.Length > 20);
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.StartsWith("scripted+", e.Model);
            Assert.Equal("industry-en/1", e.PromptVersion);
            Assert.Null(e.Fallback);
            // Agreed topic first (retrieved and chosen), then the model-only one at the threshold.
            Assert.Equal(["we_opec_output_restraint", "ir_gulf_conflict"], e.Topics.Select(t => t.TopicId));
            Assert.Equal(TopicRetrievalOptions.HashedTfIdfMinSimilarity, e.Topics[1].Similarity);
        });
    }

    [Fact]
    public async Task A_fallback_answer_is_said_on_every_event()
    {
        var events = await RunAsync(new ScriptedModel(new IndustryTextAnswer(-0.4, [], "lexicon-industry/1", "none", "openai:q (industry-en/1) unavailable: circuit open",
                FallbackCause: IndustryFallbackCause.Unavailable)),
            h =>
            {
                Assert.Equal((0L, 1L, 1L), (h.Counters.IndustryLlmAnswers, h.Counters.IndustryLlmFallbacks, h.Counters.IndustryLlmUnavailableFallbacks));
                var metrics = StreamRisk.Pipeline.Telemetry.PrometheusText.Render(new StreamRisk.Pipeline.Telemetry.PipelineMetrics { Counters = h.Counters }.Collect());
                Assert.Contains("streamrisk_industry_llm_texts_total{outcome=\"fallback_unavailable\"} 1\n", metrics, StringComparison.Ordinal);
                Assert.Contains("streamrisk_industry_llm_texts_total{outcome=\"fallback_invalid\"} 0\n", metrics, StringComparison.Ordinal);
            });
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("openai:q (industry-en/1) unavailable: circuit open", e.Fallback));
        // No model choice: retrieval alone decides, as with the built-in scorer.
        Assert.All(events, e => Assert.Contains(e.Topics, t => t.TopicId == "we_opec_output_restraint"));
    }

    [Fact]
    public async Task Every_event_carries_the_topic_paths_that_explain_its_score_and_weight()
    {
        var events = await RunAsync(new ScriptedModel(new IndustryTextAnswer(-1, ["we_opec_output_restraint", "ir_gulf_conflict"], "scripted", "industry-en/1")));
        var reference = WorkerHost.LoadReference(null);
        var links = reference.TopicIndustryMatrix.ToDictionary(l => (l.TopicId, l.IndustryId), l => l.Weight);

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.NotNull(e.Paths);
            Assert.NotEmpty(e.Paths);
            var totalSimilarity = e.Topics.Where(t => t.Similarity > 0).Sum(t => t.Similarity);
            // topic -[AFFECTS]-> this industry, with the text's own tone: Σ contribution / Σ similarity = score × weight.
            Assert.Equal(e.Score * e.Weight, e.Paths.Sum(p => p.Contribution) / totalSimilarity, 12);
            Assert.All(e.Paths, p =>
            {
                Assert.Equal(-1, p.Sentiment);
                Assert.Equal(links[(p.TopicId, e.IndustryId)], p.AffectsWeight);
                Assert.Equal(e.Topics.Single(t => t.TopicId == p.TopicId).Similarity, p.Similarity);
            });
        });
    }
}
