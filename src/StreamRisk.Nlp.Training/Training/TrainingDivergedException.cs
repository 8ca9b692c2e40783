namespace StreamRisk.Nlp.Training.Training;

/// <summary>Training produced a non-finite loss; the message says where. No model is written.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
