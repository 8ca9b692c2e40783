namespace StreamRisk.Nlp.Training.Training;

/// <summary>Reported after every batch (<see cref="ValidationMacroF1"/> is the last finished epoch's).</summary>
public readonly record struct TrainingProgress(int Epoch, int MaxEpochs, long Step, long StepsPerEpoch, double Loss, double ValidationMacroF1);

/// <summary>One finished epoch.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy, double ValidationMacroF1);
