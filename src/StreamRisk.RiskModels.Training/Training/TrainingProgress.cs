namespace StreamRisk.RiskModels.Training.Training;

/// <summary>Progress of a training job: <see cref="Done"/> of <see cref="Total"/> steps, with what is being done.</summary>
public readonly record struct TrainingProgress(long Done, long Total, string Stage);
