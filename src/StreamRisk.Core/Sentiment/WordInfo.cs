namespace StreamRisk.Core.Sentiment;

/// <summary>Everything the lexicon knows about one word; the default value means "nothing".</summary>
public readonly record struct WordInfo(float Score, float Intensity, WordRole Roles, int PhraseGroup)
{
    public bool Has(WordRole role) => (Roles & role) != 0;
}
