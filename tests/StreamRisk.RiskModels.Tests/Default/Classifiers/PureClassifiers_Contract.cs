using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default.Classifiers;

public sealed class LogisticRegression_Contract : DefaultClassifierContract
{
    protected override IDefaultClassifier Create(bool smote) => new TabularClassifier(new LogisticRegressionClassifier(), smote);
}

public sealed class Mlp_Contract : DefaultClassifierContract
{
    protected override IDefaultClassifier Create(bool smote) => new TabularClassifier(new MlpClassifier(), smote);
}
