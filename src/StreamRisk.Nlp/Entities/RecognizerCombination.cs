namespace StreamRisk.Nlp.Entities;

/// <summary>How the model's mentions and another recogniser's (the gazetteer) are combined.</summary>
public enum RecognizerCombination
{
    /// <summary>Both; where mentions overlap the longer wins.</summary>
    Union,
    ModelOnly,
    OtherOnly,
}
