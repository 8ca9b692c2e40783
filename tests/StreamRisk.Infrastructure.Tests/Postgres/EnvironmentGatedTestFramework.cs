using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework(
    "StreamRisk.Infrastructure.Tests.Postgres.EnvironmentGatedTestFramework", "StreamRisk.Infrastructure.Tests")]

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>
/// xunit 2's framework with one addition: tests of a class marked <see cref="RequiresEnvironmentAttribute"/> are
/// discovered as skipped, with the attribute's reason, when their service is not configured. xunit 2 has no dynamic
/// skip, and a contract suite's inherited [Fact]s cannot carry a Skip of their own, so the decision is made here, at
/// discovery. Every other test is discovered exactly as xunit does.
/// </summary>
public sealed class EnvironmentGatedTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var skipReason = testMethod.TestClass.Class.ToRuntimeType()
                ?.GetCustomAttribute<RequiresEnvironmentAttribute>(inherit: true)?.SkipReason();
            if (skipReason is null || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            var testCase = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, skipReason);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}
