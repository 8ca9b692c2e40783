using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Networks;

/// <summary>
/// The 1-D CNN of the GAN + CNN seed system: convolutions over the quarters (indicators as channels), ReLU, a max over
/// the real quarters only (padding zeroed before the max), a linear head → logits [batch, classes].
/// Input: values [batch, steps, features] and the step mask [batch, steps].
/// </summary>
public sealed class SequenceCnnModule : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Conv1d conv1;
    private readonly Conv1d conv2;
    private readonly Linear head;

    public SequenceCnnModule(int features, int channels, int classes) : base("sequence_cnn")
    {
        conv1 = nn.Conv1d(features, channels, 3, padding: 1);
        conv2 = nn.Conv1d(channels, channels, 3, padding: 1);
        head = nn.Linear(channels, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor values, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var x = values.permute(0, 2, 1);
        x = nn.functional.relu(conv1.forward(x));
        x = nn.functional.relu(conv2.forward(x));
        // Padded quarters must not win the max: after the ReLU every value is ≥ 0, so zeroing them is enough (and keeps
        // the max finite, where −∞ fills once turned a training run to NaN).
        var pooled = (x * mask.unsqueeze(1)).amax([2]);
        return head.forward(pooled).MoveToOuterDisposeScope();
    }
}

/// <summary>The GAN that oversamples one minority class: an MLP generator from Gaussian noise to a flattened sequence
/// [steps × features] of normalised indicators, and an MLP discriminator that tells it from the real ones.</summary>
public sealed class SequenceGan : nn.Module
{
    private readonly Sequential generator;
    private readonly Sequential discriminator;

    public SequenceGan(int noise, int hidden, int flattened) : base("sequence_gan")
    {
        Noise = noise;
        generator = nn.Sequential(nn.Linear(noise, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, flattened));
        discriminator = nn.Sequential(nn.Linear(flattened, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1));
        RegisterComponents();
    }

    public int Noise { get; }
    public Sequential Generator => generator;
    public Sequential Discriminator => discriminator;
}
