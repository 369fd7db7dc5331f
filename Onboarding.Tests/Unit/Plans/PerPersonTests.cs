using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Unit.Plans;

/// <summary>Per-person roles and participants, through the real parser and generator.</summary>
public class PerPersonTests
{
    private static readonly DateOnly Kickoff = new(2026, 1, 5);
    private static readonly BusinessCalendar Calendar = new(BusinessCalendar.MondayToFriday.WorkingDays, []);

    private const string Text = """
        ---
        key: intakes
        title: Intakes
        version: 1
        audience: client
        days-count-from: kickoff
        per-person: [hiring-manager]
        ---

        ## Brief the hiring managers

        - key: brief
        - phase: days-1-30
        - start: 1
        - duration: 2
        - owner: ta-lead

        ### What

        Brief them.

        ### Why

        So they know.

        ## Hold the intake for {person}'s open roles

        - key: intake
        - phase: days-1-30
        - start: 3
        - duration: 3
        - owner: hiring-manager
        - depends on: brief

        ### What

        Meet the recruiter, {person}.

        ### Why

        Clear requirements.

        ## Commit interview slots

        - key: slots
        - phase: days-1-30
        - start: 6
        - duration: 1
        - owner: hiring-manager
        - depends on: intake

        ### What

        Block slots.

        ### Why

        Speed.

        ## Hold the 30-day review

        - key: review
        - phase: days-1-30
        - start: 10
        - duration: 1
        - owner: ta-lead
        - depends on: slots
        - participants: hiring-manager, recruiter

        ### What

        Review.

        ### Why

        Learn.
        """;

    private static readonly PlanPerson Marta = new("marta@acme.example", PersonalCopies.PersonKeyFor("marta@acme.example"), "Marta Kowalska");
    private static readonly PlanPerson Sam = new("sam@acme.example", PersonalCopies.PersonKeyFor("sam@acme.example"), "Sam Chen");

    private static PlanTemplate Parsed()
    {
        var result = TemplateParser.Parse("intakes.md", Text);
        Assert.Empty(result.Errors);
        return result.Template!;
    }

    private static GeneratedPlan Generate(params PlanPerson[] people)
    {
        var template = Parsed();
        var application = new TemplateApplication(template, "", TestTemplates.EveryRole)
        {
            People = new Dictionary<EngagementRole, IReadOnlyList<PlanPerson>> { [EngagementRole.HiringManager] = people },
        };
        return PlanGenerator.Generate(Kickoff, Kickoff, Calendar, [application]);
    }

    [Fact]
    public void Each_holder_of_a_per_person_role_gets_their_own_copy_owned_by_them_on_the_template_dates()
    {
        var tasks = Generate(Marta, Sam).Tasks;

        Assert.Equal(["intakes/brief", "intakes/intake@marta-acme-example", "intakes/intake@sam-acme-example", "intakes/review", "intakes/slots@marta-acme-example", "intakes/slots@sam-acme-example"],
            tasks.Select(t => t.Key).Order(StringComparer.Ordinal));
        var intakes = tasks.Where(t => t.TaskKey == "intake").ToList();
        Assert.Equal(["marta@acme.example", "sam@acme.example"], intakes.Select(t => t.OwnerReference));
        Assert.All(intakes, t => Assert.Equal((new DateOnly(2026, 1, 7), new DateOnly(2026, 1, 9)), (t.Start, t.Due)));
        Assert.Equal("intakes/brief", Assert.Single(tasks, t => t.TaskKey == "brief").Key);
    }

    [Fact]
    public void Copy_keys_are_stable_across_regenerations_and_do_not_depend_on_who_else_holds_the_role()
    {
        var alone = Generate(Marta).Tasks.Where(t => t.Person == Marta).Select(t => t.Key).ToList();
        var together = Generate(Sam, Marta).Tasks.Where(t => t.Person == Marta).Select(t => t.Key).ToList();

        Assert.Equal(alone, together);
        Assert.Equal("first-time-buyer/slots@marta-acme-example", PersonalCopies.Key(PlanKeys.For("first-time-buyer", "", "slots"), PersonalCopies.PersonKeyFor(" Marta@ACME.example ")));
        Assert.Equal("marta-acme-example", PersonalCopies.PersonKeyOf("intakes/slots@marta-acme-example"));
        Assert.Null(PersonalCopies.PersonKeyOf("intakes/slots"));
    }

    [Fact]
    public void A_very_long_address_gets_a_short_key_that_still_tells_two_addresses_apart()
    {
        var first = PersonalCopies.PersonKeyFor(new string('a', 120) + "@one.example");
        var second = PersonalCopies.PersonKeyFor(new string('a', 120) + "@two.example");

        Assert.True(first.Length <= PersonalCopies.MaxPersonKey);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Dependencies_wire_copies_to_shared_tasks_to_the_same_persons_copy_and_shared_tasks_to_every_copy()
    {
        var tasks = Generate(Marta, Sam).Tasks.ToDictionary(t => t.Key);

        Assert.Equal(["intakes/brief"], tasks["intakes/intake@marta-acme-example"].DependsOn);
        Assert.Equal(["intakes/intake@sam-acme-example"], tasks["intakes/slots@sam-acme-example"].DependsOn);
        Assert.Equal(["intakes/slots@marta-acme-example", "intakes/slots@sam-acme-example"], tasks["intakes/review"].DependsOn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Person_placeholder_becomes_the_name_and_a_title_without_it_gets_the_name_appended_even_for_one_person()
    {
        var tasks = Generate(Marta).Tasks;

        var intake = Assert.Single(tasks, t => t.TaskKey == "intake");
        Assert.Equal("Hold the intake for Marta Kowalska's open roles", intake.Title);
        Assert.Equal("Meet the recruiter, Marta Kowalska.", intake.What);
        Assert.Equal("Commit interview slots — Marta Kowalska", Assert.Single(tasks, t => t.TaskKey == "slots").Title);
        Assert.Equal("Brief the hiring managers", Assert.Single(tasks, t => t.TaskKey == "brief").Title);
    }

    [Fact]
    public void Without_people_a_preview_shows_one_task_for_each_holder_and_with_nobody_the_role_is_unresolved()
    {
        var template = Parsed();
        var preview = PlanGenerator.Generate(Kickoff, Kickoff, Calendar, [new TemplateApplication(template, "", TestTemplates.EveryRole)]).Tasks;
        Assert.Equal("Hold the intake for each hiring manager's open roles", Assert.Single(preview, t => t.TaskKey == "intake").Title);
        Assert.Equal("intakes/intake", Assert.Single(preview, t => t.TaskKey == "intake").Key);

        var nobody = Generate();
        var unresolved = Assert.Single(nobody.UnresolvedOwners);
        Assert.Equal(EngagementRole.HiringManager, unresolved.Role);
        Assert.Equal(["intakes/intake", "intakes/slots"], unresolved.TaskKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Participants_are_read_as_roles_and_carried_to_the_planned_task()
    {
        var review = Assert.Single(Generate(Marta).Tasks, t => t.TaskKey == "review");

        Assert.Equal([EngagementRole.HiringManager, EngagementRole.Recruiter], review.ParticipantRoles);
        Assert.Equal(EngagementRole.TaLead, review.OwnerRole);
    }

    [Fact]
    public void Applications_copy_per_person_roles_for_every_member_and_keep_one_seat_roles_on_the_first()
    {
        var members = new List<Member>
        {
            Member("Tess", "tess@acme.example", EngagementRole.TaLead, 0),
            Member("Marta Kowalska", "marta@acme.example", EngagementRole.HiringManager, 1),
            Member("Sam Chen", "sam@acme.example", EngagementRole.HiringManager, 2),
        };
        var applications = PlanWriter.Applications([Parsed()], members);
        var plan = PlanGenerator.Generate(Kickoff, Kickoff, Calendar, applications);

        Assert.Equal(["marta@acme.example", "sam@acme.example"], plan.Tasks.Where(t => t.TaskKey == "slots").Select(t => t.OwnerReference));
        Assert.Equal("tess@acme.example", Assert.Single(plan.Tasks, t => t.TaskKey == "brief").OwnerReference);
    }

    private static Member Member(string name, string email, EngagementRole role, int order)
    {
        var member = TestPeople.NewMember(name, email, role, "UTC");
        member.CreatedAt = DateTimeOffset.UnixEpoch.AddTicks(order);
        return member;
    }

    [Theory]
    [InlineData("per-person: [hiring-manager]", "per-person: [hiring-boss]", 7, "unknown role 'hiring-boss' in 'per-person'")]
    [InlineData("per-person: [hiring-manager]", "per-person: [hiring-manager, hiring-manager]", 7, "role 'hiring-manager' is listed twice in 'per-person'")]
    [InlineData("per-person: [hiring-manager]", "per-person: [hiring-manager, executive-sponsor]", 7, "per-person role 'executive-sponsor' owns no task in this template")]
    [InlineData("per-person: [hiring-manager]", "per-person: {hiring-manager: yes}", 7, "'per-person' must be a role or a list of roles")]
    [InlineData("- participants: hiring-manager, recruiter", "- participants: hiring-manager, recruiters", 68, "unknown participant role 'recruiters'")]
    [InlineData("- participants: hiring-manager, recruiter", "- participants: recruiter, recruiter", 68, "participant role 'recruiter' is listed twice")]
    [InlineData("- participants: hiring-manager, recruiter", "- participants: ", 68, "participants is empty")]
    [InlineData("## Brief the hiring managers", "## Brief {person}", 10, "task 'brief' says {person}, but its owner 'ta-lead' is not per person")]
    public void Bad_per_person_and_participants_fields_are_reported_with_their_line(string find, string replace, int line, string message)
    {
        Assert.Contains(find, Text);
        var result = TemplateParser.Parse("intakes.md", Text.Replace(find, replace));

        Assert.Null(result.Template);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"intakes.md:{line}: ", error.ToString());
    }

    [Fact]
    public void A_recruiter_template_cannot_list_recruiter_as_per_person()
    {
        var text = Text.Replace("audience: client", "audience: recruiter").Replace("per-person: [hiring-manager]", "per-person: [hiring-manager, recruiter]");

        var error = Assert.Single(TemplateParser.Parse("intakes.md", text).Errors);
        Assert.Contains("already applied once per recruiter", error.Message);
    }

    [Fact]
    public void The_starter_templates_copy_hiring_manager_tasks_per_person_and_name_review_participants()
    {
        var catalog = TemplateCatalog.Load(RepoPaths.Templates);
        Assert.Empty(catalog.Errors);
        foreach (var key in new[] { "first-time-buyer", "rpo-client-launch" })
        {
            var template = catalog.Find(key)!;
            Assert.True(template.Version >= 2);
            Assert.Contains(EngagementRole.HiringManager, template.PerPerson);
            Assert.Contains(template.Tasks, t => t.Owner == EngagementRole.HiringManager);
            Assert.All(template.Tasks.Where(t => t.Key is "review-30" or "review-60" or "review-90"), t => Assert.Contains(EngagementRole.HiringManager, t.Participants));
        }
        Assert.Contains(EngagementRole.Recruiter, catalog.Find("rpo-client-launch")!.Tasks.Single(t => t.Key == "kickoff-meeting").Participants);
    }
}
