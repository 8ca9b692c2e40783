namespace StreamRisk.Nlp.Manifests;

/// <summary>Graph input names the runners know how to fill (those of a Hugging Face BERT export, plus the ABSA
/// mention mask for graphs that pool inside).</summary>
public static class ModelInputs
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string AspectMask = "aspect_mask";

    /// <summary>ABSA graphs that read the word-list scorer's evidence about the issuer beside the tokens: float32
    /// [batch, 2] = ln(1 + positive mass), ln(1 + negative mass) (<see cref="StreamRisk.Core.Sentiment.LexiconEvidenceFeatures"/>).</summary>
    public const string LexiconEvidence = "lexicon_evidence";

    public static bool IsKnown(string name) => name is InputIds or AttentionMask or TokenTypeIds or AspectMask or LexiconEvidence;
}
