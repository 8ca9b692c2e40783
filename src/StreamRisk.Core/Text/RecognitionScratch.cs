namespace StreamRisk.Core.Text;

/// <summary>Working buffers of one recognition, kept per thread so a call allocates only its results.</summary>
internal sealed class RecognitionScratch
{
    public readonly FoldedText Text = new();
    public readonly List<MentionCandidate> AllExact = [];
    public readonly List<MentionCandidate> Exact = [];
    public readonly List<MentionCandidate> Linked = [];
    public readonly List<NameToken> Tokens = [];
    public readonly List<FuzzyWindow> Windows = [];
    public readonly List<FuzzyWindow> Accepted = [];
    public readonly List<int> Heads = [];
    public byte[] Cover = [];
    public int[] CoverOwner = [];
    public bool[] Suppressed = [];

    public void EnsureCapacity(int foldedLength, int exactCount)
    {
        if (Cover.Length < foldedLength)
        {
            Cover = new byte[Math.Max(foldedLength, 256)];
            CoverOwner = new int[Cover.Length];
        }
        if (Suppressed.Length < exactCount) Suppressed = new bool[Math.Max(exactCount, 16)];
    }
}
