using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;

namespace Onboarding.Tests.Support;

public static class TestPeople
{
    /// <summary>
    /// A membership of the person with this address: the one <paramref name="db"/> already knows (saved or just added),
    /// else a new one as <see cref="NewMember"/> makes.
    /// </summary>
    public static Member MemberOf(OnboardingDbContext db, string name, string email, EngagementRole role, string? userId = null)
    {
        var key = AccountRules.NormaliseEmail(email);
        var person = db.People.Local.FirstOrDefault(p => p.EmailKey == key) ?? db.People.FirstOrDefault(p => p.EmailKey == key);
        return person is null ? NewMember(name, email, role, userId: userId) : PersonDirectory.Membership(person, role, "", DateTimeOffset.UnixEpoch);
    }

    /// <summary>A membership of a person new to the database, made as the product makes them.</summary>
    public static Member NewMember(
        string name, string email, EngagementRole role, string timeZone = "Europe/London", string? userId = null,
        int digestHour = Person.DefaultDigestHour, WorkingDays workingDays = WorkingDays.MondayToFriday, string title = "")
    {
        var person = PersonDirectory.NewPerson(name, email, timeZone, workingDays, DateTimeOffset.UnixEpoch);
        person.DigestHour = digestHour;
        person.UserId = userId;
        return PersonDirectory.Membership(person, role, title, DateTimeOffset.UnixEpoch);
    }
}
