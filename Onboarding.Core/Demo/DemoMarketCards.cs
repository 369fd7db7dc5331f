using Onboarding.Core.Locations;

namespace Onboarding.Core.Demo;

/// <summary>
/// Believable market cards for the demo's four locations. The figures are indicative, rounded from public salary
/// surveys and job-board data of 2026, and the rules are summaries to check with counsel, not legal advice.
/// </summary>
internal static class DemoMarketCards
{
    private const string Leader = "Alex Morgan";
    private const string Recruiter = "Riya Shah";

    /// <summary>Cards for the locations by city; Toronto's was last reviewed long ago, so the leader's digest flags it.</summary>
    public static IEnumerable<MarketCard> For(IEnumerable<HiringLocation> locations, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var location in locations)
        {
            var card = location.City switch
            {
                "Bengaluru" => Bengaluru(today.AddDays(-45)),
                "Wrocław" => Wroclaw(today.AddDays(-30)),
                "Guadalajara" => Guadalajara(today.AddDays(-60)),
                "Toronto" => Toronto(today.AddDays(-230)),
                _ => null,
            };
            if (card is null)
            {
                continue;
            }
            card.Location = location;
            card.Version = 1;
            var asOf = card.SalaryRanges.Max(r => r.AsOf);
            card.ChangedBy = location.City == "Wrocław" ? Recruiter : Leader;
            card.ChangedAt = new DateTimeOffset(asOf.AddDays(5).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            yield return card;
        }
    }

    private static MarketCard Bengaluru(DateOnly asOf) => new()
    {
        SalaryRanges =
        [
            new("Software engineering (3–6 years)", 1_800_000, 3_500_000, "INR", PayPeriod.Year, "Job-board salary data, Bengaluru (indicative)", asOf),
            new("Senior software engineering (7+ years)", 3_500_000, 6_000_000, "INR", PayPeriod.Year, "Job-board salary data, Bengaluru (indicative)", asOf),
            new("Sales: account executive, B2B", 900_000, 1_800_000, "INR", PayPeriod.Year, "Recruiter network survey (indicative), fixed pay before incentives", asOf),
        ],
        NoticePeriods =
        [
            new("Under 1 year / probation", "15–30 days"),
            new("Mid-level", "60 days"),
            new("Senior and IT-services employers", "90 days, often bought out by the new employer"),
        ],
        HiringSteps = "1. Recruiter screen (notice period and current CTC asked early)\n2. Online coding test\n3. Two technical interviews\n4. Hiring-manager and HR round\n\nLevels are usually SE, SSE, Lead, Principal. Expect counter-offers during the notice period.",
        PayTransparency = "No law requires pay in job ads. Offers are quoted as annual **CTC** (cost to company): say what is fixed, variable and benefits. The Code on Wages, 2019 forbids pay discrimination by gender.",
        DataProtection = "The **Digital Personal Data Protection Act, 2023** (DPDP) applies as its rules come into force: give a notice of purpose when collecting a candidate's data, process on consent, keep it only for the hiring purpose and erase it when done.",
        Notes = "Many candidates are on 90-day notice: plan offers **three months** ahead of start dates.",
    };

    private static MarketCard Wroclaw(DateOnly asOf) => new()
    {
        SalaryRanges =
        [
            new("Software engineering (mid), employment contract", 14_000, 22_000, "PLN", PayPeriod.Month, "Public salary reports, Wrocław, gross (indicative)", asOf),
            new("Software engineering, B2B contract", 120, 190, "PLN", PayPeriod.Hour, "Job-board B2B rates, net of VAT (indicative)", asOf),
            new("Sales: B2B sales representative", 7_000, 12_000, "PLN", PayPeriod.Month, "Public salary reports, gross base before commission (indicative)", asOf),
        ],
        NoticePeriods =
        [
            new("Employed under 6 months", "2 weeks (Labour Code art. 36)"),
            new("6 months to 3 years", "1 month"),
            new("3 years or more", "3 months"),
        ],
        HiringSteps = "1. Recruiter call\n2. Technical interview (often with a take-home task)\n3. Team or hiring-manager interview\n4. Offer: state **UoP** (employment contract) or **B2B**\n\nLevels: Junior, Mid (Regular), Senior, Lead.",
        PayTransparency = "The **EU Pay Transparency Directive (EU) 2023/970** is to be transposed by **7 June 2026**: candidates must get the starting pay or its range before the interview (best in the ad), may not be asked their pay history, and job titles must be gender-neutral. Check the current Labour Code text with the client's counsel.",
        DataProtection = "**GDPR**: when sourcing from LinkedIn or job boards, tell the candidate who you are and why you hold their data (art. 14) at first contact and within a month. Keep data only for this recruitment unless they consent to future ones. The Labour Code (art. 22¹) limits what may be asked.",
        Notes = "Candidates with 3-month notice often negotiate an earlier release; ask.",
    };

    private static MarketCard Guadalajara(DateOnly asOf) => new()
    {
        SalaryRanges =
        [
            new("Software engineering (mid)", 45_000, 85_000, "MXN", PayPeriod.Month, "Job-board salary data, Guadalajara, gross (indicative)", asOf),
            new("Sales: account executive", 20_000, 40_000, "MXN", PayPeriod.Month, "Recruiter network survey, base before commission (indicative)", asOf),
        ],
        NoticePeriods =
        [
            new("All employees", "No statutory notice to resign; 2 weeks is customary"),
        ],
        HiringSteps = "1. Recruiter screen (English level checked)\n2. Technical interview\n3. Hiring-manager interview\n4. Offer with benefits: aguinaldo (at least 15 days' pay), vacation premium, often food vouchers and major medical insurance.",
        PayTransparency = "No law requires pay in job ads, but ads must not discriminate by age, sex, marital status or appearance (Federal Labour Law art. 133). Quote monthly gross and the statutory benefits.",
        DataProtection = "The **LFPDPPP** (Federal Law on the Protection of Personal Data Held by Private Parties, renewed in 2025) requires a privacy notice (*aviso de privacidad*) before processing a candidate's data, and honours ARCO rights (access, rectification, cancellation, opposition).",
        Notes = "Salaries are quoted **monthly**; compare offers including benefits.",
    };

    private static MarketCard Toronto(DateOnly asOf) => new()
    {
        SalaryRanges =
        [
            new("Software engineering (mid)", 95_000, 145_000, "CAD", PayPeriod.Year, "Public salary surveys, Toronto, base (indicative)", asOf),
            new("Sales: account executive", 70_000, 110_000, "CAD", PayPeriod.Year, "Public salary surveys, base before commission (indicative)", asOf),
        ],
        NoticePeriods =
        [
            new("Employees resigning", "2 weeks customary"),
            new("Employer notice, under 1 year", "1 week (Ontario ESA)"),
            new("Employer notice, 1 to 3 years", "2 weeks, then 1 week per year up to 8"),
        ],
        HiringSteps = "1. Recruiter screen\n2. Technical or case interview\n3. Panel interview\n4. References, then offer\n\nLevels: Intermediate, Senior, Staff.",
        PayTransparency = "**Ontario** (Employment Standards Act, from **1 January 2026**): publicly advertised jobs of employers with 25 or more employees must state the expected pay or a range (no wider than $50,000 when under $200,000), say whether AI screens applicants and whether a vacancy exists, and may not require Canadian experience.",
        DataProtection = "**PIPEDA** governs candidates' personal data in Ontario's private sector: identify the purpose, collect with consent, collect only what the hiring needs, and keep it safe.",
        Notes = "Respond to interviewed applicants within 45 days of the last interview (Ontario, 2026).",
    };
}
