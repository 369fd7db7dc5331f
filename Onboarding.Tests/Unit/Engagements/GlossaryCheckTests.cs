using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Unit.Engagements;

public class GlossaryCheckTests
{
    /// <summary>
    /// The demo engagement's glossary before issue 13, as DemoSeeder seeded it (the first two) followed by the starter terms
    /// of rpo-client-launch version 2 it did not have yet (git show 0f7b41b:templates/rpo-client-launch.md).
    /// </summary>
    private static readonly GlossaryEntry[] OldDemo =
    [
        new("Req", "Job order", "An approved, budgeted opening that recruiting may work on. A req without budget approval is a *forecast*, not a req."),
        new("Time to hire", "Time to fill", "Calendar days from req approval to the candidate accepting the offer."),
        new("Requisition", "Job order", "An approved vacancy that recruiting may start work on. It exists once the budget holder has signed it off in the ATS, not when a manager first mentions the need."),
        new("Time to fill", "Time to fill", "Working days from the day a requisition is approved to the day the chosen candidate accepts the offer. Both sides count the same dates, so nobody argues over whose clock is right."),
        new("Time to start", "Time to hire", "Working days from requisition approval to the new hire's first day, including the notice period. It is what the hiring manager feels; time to fill is what recruiting controls."),
        new("CV sent to the manager", "Submittal", "A candidate the recruiter has screened and presents to the hiring manager with a written reason why they fit. Candidates forwarded without that screening do not count."),
        new("Shortlist", "Slate", "The set of submittals for one requisition that the hiring manager reviews together, usually three to five people."),
        new("Intake", "Intake meeting", "The conversation in which the hiring manager and the recruiter agree what the role needs, where to look, the interview steps and the timeline before any sourcing starts."),
    ];

    [Fact]
    public void The_glossary_flags_the_demos_old_contradictions()
    {
        var flags = GlossaryCheck.Find(OldDemo);

        var found = flags.Select(f => (f.Kind, OldDemo[f.First].ClientTerm, OldDemo[f.Second].ClientTerm)).ToList();
        Assert.Equal(
        [
            (GlossaryFlagKind.SameMeaning, "Req", "Requisition"),
            (GlossaryFlagKind.SameMeaning, "Time to hire", "Time to fill"),
            (GlossaryFlagKind.UnitsDisagree, "Time to hire", "Time to fill"),
            (GlossaryFlagKind.TwoDefinitions, "Time to hire", "Time to start"),
            (GlossaryFlagKind.UnitsDisagree, "Time to hire", "Time to start"),
        ], found);
        Assert.Equal("“Req” and “Requisition” are both the client's word for “Job order”: two words for one thing. Agree on one.", flags[0].Message);
        Assert.Equal(
            "“Time to hire” counts calendar days but “Time to fill” counts working days, and both are “Time to fill”. Count both in the same days.",
            flags[2].Message);
        Assert.Contains("“Time to hire” means two things", flags[3].Message);
    }

    [Fact]
    public void The_starter_templates_together_contradict_nothing()
    {
        var catalog = TemplateCatalog.Load(RepoPaths.Templates);

        var preview = StarterGlossary.Preview(catalog.Templates);

        Assert.Empty(catalog.Errors);
        Assert.True(preview.Terms.Count >= 10, $"only {preview.Terms.Count} starter terms");
        Assert.Empty(preview.Flags.Select(f => f.Message));
    }

    [Fact]
    public void Words_match_ignoring_case_and_white_space()
    {
        var flags = GlossaryCheck.Find([new("Req", " job   ORDER ", "An opening."), new("Requisition", "Job order", "An opening.")]);

        Assert.Equal(GlossaryFlagKind.SameMeaning, Assert.Single(flags).Kind);
    }

    [Fact]
    public void One_client_word_mapped_to_two_provider_words_is_two_words_for_one_thing()
    {
        var flag = Assert.Single(GlossaryCheck.Find([new("Req", "Job order", "An opening."), new("req", "Vacancy", "An opening.")]));

        Assert.Equal(GlossaryFlagKind.SameMeaning, flag.Kind);
        Assert.Equal("“Req” is mapped to both “Job order” and “Vacancy”: either those mean the same, or “Req” means two things. Agree on one.", flag.Message);
    }

    [Fact]
    public void One_word_with_two_definitions_is_flagged_and_an_exact_repeat_is_a_duplicate()
    {
        var twoDefinitions = Assert.Single(GlossaryCheck.Find([new("Offer", "", "A written offer."), new("offer ", "", "A verbal offer.")]));
        var duplicate = Assert.Single(GlossaryCheck.Find([new("Offer", "Offer", "A written offer."), new("OFFER", "offer", "A  written offer.")]));

        Assert.Equal((GlossaryFlagKind.TwoDefinitions, "“Offer” has two different definitions: agree on one."), (twoDefinitions.Kind, twoDefinitions.Message));
        Assert.Equal(GlossaryFlagKind.Duplicate, duplicate.Kind);
    }

    [Fact]
    public void Units_disagree_only_between_related_measures_that_each_name_one_kind_of_day()
    {
        GlossaryEntry[] entries =
        [
            new("Time to fill", "Time to fill", "Calendar days from approval to accepted offer."),
            new("Time to start", "Time to start", "Business days from approval to the first day; longer than time to fill by the notice period."),
            new("Feedback turnaround", "Feedback turnaround", "Working days from a CV shared to a decision."),
            new("Notice period", "Notice period", "Calendar days, not working days, a candidate keeps working after resigning; time to start includes it."),
        ];

        var flag = Assert.Single(GlossaryCheck.Find(entries));

        Assert.Equal((GlossaryFlagKind.UnitsDisagree, 0, 1), (flag.Kind, flag.First, flag.Second));
        Assert.Equal(
            "“Time to fill” counts calendar days but “Time to start” counts working days, and the definition of “Time to start” names “Time to fill”. Count both in the same days.",
            flag.Message);
    }

    [Fact]
    public void Templates_check_warns_about_contradicting_starter_glossaries_and_still_passes()
    {
        var directory = Directory.CreateTempSubdirectory("glossary-check-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.md"), Template("a", "Req", "Job order", "An opening."));
            File.WriteAllText(Path.Combine(directory, "b.md"), Template("b", "Requisition", "Job order", "An opening."));
            var output = new StringWriter();

            var exitCode = TemplatesCheckCommand.Run(directory, output);

            var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(
                [
                    $"{Path.Combine(directory, "a.md")}: warning: glossary: “Req” and “Requisition” are both the client's word for “Job order”: two words for one thing. Agree on one. ({Path.Combine(directory, "a.md")} and {Path.Combine(directory, "b.md")})",
                    $"2 templates in {directory}: no errors, 1 glossary warning(s)",
                ],
                lines);
            Assert.Equal(0, exitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Template(string key, string client, string provider, string definition) => $"""
        ---
        key: {key}
        title: Template {key}
        version: 1
        audience: account-leader
        days-count-from: kickoff
        phases:
          - key: start
            title: Start
            days: 1-10
        glossary:
          - client-term: {client}
            provider-term: {provider}
            definition: {definition}
        ---

        # Template {key}

        ## Kick off

        - key: kick-off
        - phase: start
        - start: 1
        - duration: 1
        - owner: account-leader

        ### What

        Hold the kickoff.

        ### Why

        Everyone starts together.
        """;
}
