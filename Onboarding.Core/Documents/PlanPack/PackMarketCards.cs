using Onboarding.Core.Locations;

namespace Onboarding.Core.Documents.PlanPack;

/// <summary>A hiring location in the pack: its name, who is linked to it, and its market card when one is written.</summary>
public sealed record PackMarketCard(string LocationName, IReadOnlyList<int> MemberIds, MarketCard? Card);

/// <summary>The market-card sections of the plan pack and of a recruiter's own plan, in the layout layer's blocks.</summary>
public static class PackMarketCards
{
    public const string Title = "Market cards";
    public const string Intro = "What recruiters need to know to hire in each location: pay by role family, notice periods, how hiring runs, and the rules for job ads and for sourcing candidates. " + MarketCardText.Indicative;
    public const string NoCard = "No market card has been written for this location yet.";

    /// <summary>The cards a person's plan carries: their locations', or every location's while they are linked to none (as their task pages link).</summary>
    public static IReadOnlyList<PackMarketCard> For(IReadOnlyList<PackMarketCard> cards, PackMember member)
    {
        var own = cards.Where(c => c.MemberIds.Contains(member.Id)).ToList();
        return own.Count > 0 ? own : cards;
    }

    public static void Compose(Column c, IReadOnlyList<PackMarketCard> cards, string timeZone, DocumentTheme theme)
    {
        if (cards.Count == 0)
        {
            return;
        }
        c.KeepWithNext(k => k.Heading(Title).Paragraph(Intro));
        foreach (var location in cards)
        {
            ComposeCard(c, location, timeZone, theme);
        }
    }

    private static void ComposeCard(Column c, PackMarketCard location, string timeZone, DocumentTheme theme)
    {
        if (location.Card is not { } card)
        {
            c.KeepWithNext(k => k.Heading(MarketCardText.Heading(location.LocationName), 2)).Paragraph(NoCard);
            return;
        }
        c.KeepWithNext(k => k.Heading(MarketCardText.Heading(location.LocationName), 2).Paragraph(MarketCardText.Reviewed(card, timeZone), theme.Small));
        if (card.SalaryRanges.Count > 0)
        {
            c.KeepWithNext(k => k.Heading("Salary ranges", 3)).Table(t =>
            {
                t.RelativeColumn(4).RelativeColumn(4).RelativeColumn(4).RelativeColumn(2).Header([.. MarketCardText.SalaryColumns]);
                foreach (var range in card.SalaryRanges)
                {
                    t.Row(x => x.Paragraph(p => p.Bold(range.RoleFamily)), x => x.Paragraph(MarketCardText.Range(range)), x => x.Paragraph(range.Source), x => x.Paragraph(MarketCardText.AsOf(range)));
                }
            });
        }
        if (card.NoticePeriods.Count > 0)
        {
            c.KeepWithNext(k => k.Heading("Notice periods", 3)).Table(t =>
            {
                t.RelativeColumn(1).RelativeColumn(2).Header([.. MarketCardText.NoticeColumns]);
                foreach (var notice in card.NoticePeriods)
                {
                    t.Row(notice.Tenure, notice.Notice);
                }
            });
        }
        foreach (var (_, title, text) in MarketCardText.Sections(card).Where(s => s.Text.Length > 0))
        {
            c.KeepWithNext(k => k.Heading(title, 3)).Markdown(text);
        }
    }
}
