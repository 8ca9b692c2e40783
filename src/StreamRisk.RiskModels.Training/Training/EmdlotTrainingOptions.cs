using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>What early stopping and the best-weights choice watch on the validation split.</summary>
public enum EmdlotStopCriterion { MacroF1, Loss }

/// <summary>
/// How EMDLOT is trained. The study's paper was not readable from here, so the sizes are ours, chosen for a 2-core
/// machine (20,000 examples × 30 epochs in under 15 minutes); the structure (T-LSTM, three attentions with temperatures,
/// K soft clusters with K-means initialisation and a warm-up, CE + λ_dist·balance + λ_sep·separation) is the study's.
/// </summary>
public sealed record EmdlotTrainingOptions
{
    /// <summary>Newest quarters read per example (two years).</summary>
    public int Steps { get; init; } = 8;
    /// <summary>Width numbers and text are projected to before modality attention (the 4,096-wide hashed TF-IDF goes through one linear layer).</summary>
    public int ModalityDimension { get; init; } = 32;
    public int Hidden { get; init; } = 64;
    public int Clusters { get; init; } = 3;
    public bool UseText { get; init; } = true;
    public bool UseAttention { get; init; } = true;
    public bool TimeAware { get; init; } = true;
    public double FeatureTemperature { get; init; } = 1;
    public double ChapterTemperature { get; init; } = 1;
    public double ModalityTemperature { get; init; } = 1;
    public double LambdaDist { get; init; } = 0.1;
    public double LambdaSep { get; init; } = 0.1;
    public double LearningRate { get; init; } = 1e-3;
    public int BatchSize { get; init; } = 128;
    /// <summary>All epochs, pre-training and warm-up included.</summary>
    public int Epochs { get; init; } = 30;
    /// <summary>Epochs without improvement (after the warm-up) before stopping.</summary>
    public int Patience { get; init; } = 5;
    /// <summary>Epochs with every cluster weighing 1/K (CE only), whose representations K-means then clusters.</summary>
    public int PretrainEpochs { get; init; } = 3;
    /// <summary>Epochs after K-means that add CE on the K-means labels to the class loss.</summary>
    public int WarmupEpochs { get; init; } = 2;
    public EmdlotStopCriterion StopOn { get; init; } = EmdlotStopCriterion.MacroF1;
    /// <summary>Class-weighted cross-entropy (n / (3·n_class)) when no oversampler is given; with one, weights are 1.</summary>
    public bool ClassWeighted { get; init; } = true;
    public int Threads { get; init; } = 2;

    /// <summary>No clustering: K = 1, a single head, no K-means and no warm-up.</summary>
    public bool Clustered => Clusters > 1;

    public EmdlotShape Shape(int features, int chapters, int embeddingDimension) =>
        new(features, chapters, embeddingDimension, ModalityDimension, Hidden, Clusters, UseText, UseAttention, TimeAware,
            FeatureTemperature, ChapterTemperature, ModalityTemperature);

    public void Validate()
    {
        if (Steps < 1) throw new ArgumentException($"--steps must be at least 1 (got {Steps})");
        if (ModalityDimension < 1 || Hidden < 1) throw new ArgumentException("the modality width and --hidden must be at least 1");
        if (Clusters < 1) throw new ArgumentException($"--clusters must be at least 1 (got {Clusters})");
        if (!(FeatureTemperature > 0) || !(ChapterTemperature > 0) || !(ModalityTemperature > 0)) throw new ArgumentException("attention temperatures must be positive");
        if (!(LambdaDist >= 0) || !(LambdaSep >= 0)) throw new ArgumentException("λ_dist and λ_sep must be ≥ 0");
        if (!(LearningRate > 0)) throw new ArgumentException($"--learning-rate must be positive (got {LearningRate})");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1 (got {BatchSize})");
        if (Patience < 1) throw new ArgumentException($"--patience must be at least 1 (got {Patience})");
        if (PretrainEpochs < 0 || WarmupEpochs < 0) throw new ArgumentException("pre-training and warm-up epochs must be ≥ 0");
        var before = Clustered ? PretrainEpochs + WarmupEpochs : 0;
        if (Epochs <= before) throw new ArgumentException($"--epochs ({Epochs}) must exceed the pre-training + warm-up epochs ({before})");
        if (Threads < 1) throw new ArgumentException($"--threads must be at least 1 (got {Threads})");
    }
}
