using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Tests.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.Classifiers;

namespace StreamRisk.RiskModels.Training.Tests.Default.Classifiers;

public sealed class LightGbm_Contract : DefaultClassifierContract
{
    protected override IDefaultClassifier Create(bool smote) => new TabularClassifier(new LightGbmClassifier(), smote);
}

public sealed class FastTreeOva_Contract : DefaultClassifierContract
{
    protected override IDefaultClassifier Create(bool smote) => new TabularClassifier(new FastTreeOvaClassifier(), smote);
}
