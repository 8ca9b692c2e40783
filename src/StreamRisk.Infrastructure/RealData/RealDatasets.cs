namespace StreamRisk.Infrastructure.RealData;

/// <summary>
/// The committed real datasets under data/real (see data/real/SOURCES.md) and the exact schema each must match.
/// </summary>
public static class RealDatasets
{
    public static readonly RealDataSchema TreasuryMonthly = RealDataSchema.Parse(
        "treasury_monthly.csv", "date:d, tcm1y:n, tcm3y:n, tcm5y:n, tcm10y:n");

    public static readonly RealDataSchema TreasuryDaily = RealDataSchema.Parse(
        "treasury_daily.csv", "business_day:n, year_fraction:n, tcm1yd:n, tcm3yd:n, tcm5yd:n, tcm10yd:n");

    public static readonly RealDataSchema MoodysAaaMonthly = RealDataSchema.Parse("moodys_aaa_monthly.csv", "date:d, aaa_yield:n");

    public static readonly RealDataSchema MacroData = RealDataSchema.Parse(
        "macrodata.csv",
        "year:n, quarter:n, realgdp:n, realcons:n, realinv:n, realgovt:n, realdpi:n, cpi:n, m1:n, tbilrate:n, unemp:n, " +
        "pop:n, infl:n, realint:n");

    public static readonly RealDataSchema LendingClub = RealDataSchema.Parse(
        "lending_club.csv",
        "funded_amnt:n, term:t, int_rate:n, sub_grade:t, addr_state:t, verification_status:t, annual_inc:n, " +
        "emp_length:t, delinq_2yrs:n, inq_last_6mths:n, revol_util:n, acc_now_delinq:n, open_il_6m:n, " +
        "open_il_12m:n, open_il_24m:n, total_bal_il:n, all_util:n, inq_fi:n, inq_last_12m:n, delinq_amnt:n, " +
        "num_il_tl:n, total_il_high_credit_limit:n, Class:t");

    public static readonly RealDataSchema CreditData = RealDataSchema.Parse(
        "credit_data.csv",
        "Status:t, Seniority:n, Home:t?, Time:n, Age:n, Marital:t?, Records:t, Job:t?, Expenses:n, Income:n?, Assets:n?, " +
        "Debt:n?, Amount:n, Price:n");

    public static readonly RealDataSchema GermanCredit = RealDataSchema.Parse(
        "german_credit.csv",
        "Duration:n, Amount:n, InstallmentRatePercentage:n, ResidenceDuration:n, Age:n, " +
        "NumberExistingCredits:n, NumberPeopleMaintenance:n, Telephone:n, ForeignWorker:n, Class:t, " +
        "CheckingAccountStatus.lt.0:n, CheckingAccountStatus.0.to.200:n, CheckingAccountStatus.gt.200:n, " +
        "CheckingAccountStatus.none:n, CreditHistory.NoCredit.AllPaid:n, CreditHistory.ThisBank.AllPaid:n, " +
        "CreditHistory.PaidDuly:n, CreditHistory.Delay:n, CreditHistory.Critical:n, Purpose.NewCar:n, " +
        "Purpose.UsedCar:n, Purpose.Furniture.Equipment:n, Purpose.Radio.Television:n, " +
        "Purpose.DomesticAppliance:n, Purpose.Repairs:n, Purpose.Education:n, Purpose.Vacation:n, " +
        "Purpose.Retraining:n, Purpose.Business:n, Purpose.Other:n, SavingsAccountBonds.lt.100:n, " +
        "SavingsAccountBonds.100.to.500:n, SavingsAccountBonds.500.to.1000:n, SavingsAccountBonds.gt.1000:n, " +
        "SavingsAccountBonds.Unknown:n, EmploymentDuration.lt.1:n, EmploymentDuration.1.to.4:n, " +
        "EmploymentDuration.4.to.7:n, EmploymentDuration.gt.7:n, EmploymentDuration.Unemployed:n, " +
        "Personal.Male.Divorced.Seperated:n, Personal.Female.NotSingle:n, Personal.Male.Single:n, " +
        "Personal.Male.Married.Widowed:n, Personal.Female.Single:n, OtherDebtorsGuarantors.None:n, " +
        "OtherDebtorsGuarantors.CoApplicant:n, OtherDebtorsGuarantors.Guarantor:n, Property.RealEstate:n, " +
        "Property.Insurance:n, Property.CarOther:n, Property.Unknown:n, OtherInstallmentPlans.Bank:n, " +
        "OtherInstallmentPlans.Stores:n, OtherInstallmentPlans.None:n, Housing.Rent:n, Housing.Own:n, " +
        "Housing.ForFree:n, Job.UnemployedUnskilled:n, Job.UnskilledResident:n, Job.SkilledEmployee:n, " +
        "Job.Management.SelfEmp.HighlyQualified:n");

    public static readonly RealDataSchema DowJones30 = RealDataSchema.Parse(
        "dow_jones30.csv",
        "date:d, AA:n, AXP:n, T:n, BA:n, CAT:n, C:n, KO:n, DD:n, EK:n, XOM:n, GE:n, GM:n, HWP:n, HD:n, " +
        "HON:n, INTC:n, IBM:n, IP:n, JPM:n, JNJ:n, MCD:n, MRK:n, MSFT:n, MMM:n, MO:n, PG:n, SBC:n, UTX:n, " +
        "WMT:n, DIS:n");

    public static readonly IReadOnlyList<RealDataSchema> All =
        [TreasuryMonthly, TreasuryDaily, MoodysAaaMonthly, MacroData, LendingClub, CreditData, GermanCredit, DowJones30];

    /// <summary>Loads <paramref name="schema"/>'s file from <paramref name="directory"/> (e.g. data/real).</summary>
    public static RealDataTable Load(string directory, RealDataSchema schema) =>
        RealDataFile.Load(Path.Combine(directory, schema.FileName), schema);
}
