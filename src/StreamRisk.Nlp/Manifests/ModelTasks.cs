namespace StreamRisk.Nlp.Manifests;

/// <summary>The <c>task</c> values a manifest may declare.</summary>
public static class ModelTasks
{
    public const string AspectSentiment = "aspect-sentiment";
    public const string TokenClassification = "token-classification";
    public const string Embedding = "embedding";
}
