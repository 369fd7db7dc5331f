using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Integration;
using UglyToad.PdfPig;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>The PDF layer meets the same hostile Markdown the web pages do: it renders, in good time, as text.</summary>
public class HostileMarkdownTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly string AllPayloads = string.Join("\n\n", MarkdownInjectionTests.Payloads);

    public static TheoryData<string> Fields() => ["purpose", "what", "why", "outcome", "glossary", "metric", "kudos", "comment"];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_plan_pack_with_every_payload_in_a_field_renders(string field)
    {
        var engagement = PackModels.DemoEngagement();
        var task = engagement.Tasks.First();
        switch (field)
        {
            case "purpose": engagement.SharedPurpose = AllPayloads; break;
            case "what": task.What = AllPayloads; break;
            case "why": task.Why = AllPayloads; break;
            case "outcome": engagement.Outcomes.Add(new BusinessOutcome { Title = "Outcome", HowMeasured = AllPayloads }); break;
            case "glossary": engagement.Glossary.Add(new GlossaryTerm { ClientTerm = "Term", ProviderTerm = "Term", Definition = AllPayloads }); break;
            case "metric": engagement.Metrics.Add(new Metric { Name = "Metric", Unit = "u", HowMeasured = AllPayloads, Baseline = 1, Target = 2 }); break;
            case "kudos": engagement.Wins.Add(new Win { Kind = WinKind.Kudos, Title = "Kudos", Body = AllPayloads, CreatedAt = PackModels.Now }); break;
            case "comment": task.Comments.Add(new TaskComment { AuthorName = "Mallory", Body = AllPayloads, CreatedAt = PackModels.Now }); break;
        }
        var document = PackComposer.Pack(PackModel.From(engagement, PackModels.Now));

        var render = Task.Run(() => fixture.Renderer.Render(document));
        var finished = await Task.WhenAny(render, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(finished == render, $"the pack with payloads in {field} did not finish rendering");
        using var pdf = PdfDocument.Open(await render);
        Assert.True(pdf.NumberOfPages > 1);
    }
}
