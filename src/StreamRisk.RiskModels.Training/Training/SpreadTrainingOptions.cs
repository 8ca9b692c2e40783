namespace StreamRisk.RiskModels.Training.Training;

/// <summary>How an iTransformer spread forecaster is trained. Defaults are small: the project's machines have 2 CPU cores.</summary>
public sealed record SpreadTrainingOptions
{
    public int DModel { get; init; } = 32;
    public int Heads { get; init; } = 4;
    public int Layers { get; init; } = 2;
    public int FeedForward { get; init; } = 64;
    public int Epochs { get; init; } = 8;
    public int Patience { get; init; } = 2;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>At most this many training examples (drawn with the seed); the rest of the train part is not used.</summary>
    public int MaxTrainExamples { get; init; } = 200_000;
    /// <summary>At most this many validation examples for early stopping and the interval's residual quantiles.</summary>
    public int MaxValidationExamples { get; init; } = 50_000;
    public int Threads { get; init; } = 2;

    public void Validate()
    {
        if (DModel < 1 || Heads < 1 || DModel % Heads != 0) throw new ArgumentException($"--d-model ({DModel}) must be a positive multiple of --heads ({Heads})");
        if (Layers < 1 || FeedForward < 1) throw new ArgumentException("--layers and the feed-forward width must be at least 1");
        if (Epochs < 1) throw new ArgumentException($"--epochs must be at least 1 (got {Epochs})");
        if (Patience < 1) throw new ArgumentException($"--patience must be at least 1 (got {Patience})");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1 (got {BatchSize})");
        if (!(LearningRate > 0)) throw new ArgumentException($"--learning-rate must be positive (got {LearningRate})");
        if (MaxTrainExamples < 1 || MaxValidationExamples < 1) throw new ArgumentException("--max-train and the validation cap must be at least 1");
    }
}
