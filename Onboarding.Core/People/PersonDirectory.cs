using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.People;

/// <summary>
/// The one place people and memberships are made and renamed: an address is normalised once, a new person
/// inherits the clock of the engagement they first join (unless told otherwise), and a membership gets its
/// secrets and its copy of the person's name, address and account.
/// </summary>
public static class PersonDirectory
{
    /// <summary>Used for an account with no engagement yet (an administrator, say) until its owner chooses.</summary>
    public const string DefaultTimeZone = "Europe/London";

    public static Person NewPerson(string name, string email, string timeZone, WorkingDays workingDays, DateTimeOffset now) => new()
    {
        Name = name.Trim(),
        Email = email.Trim(),
        EmailKey = AccountRules.NormaliseEmail(email),
        TimeZone = timeZone,
        WorkingDays = workingDays,
        CreatedAt = now,
    };

    /// <summary>The people already known by any of these addresses, tracked, by normalised address.</summary>
    public static async Task<Dictionary<string, Person>> FindAsync(OnboardingDbContext db, IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var keys = emails.Select(AccountRules.NormaliseEmail).Distinct().ToList();
        return await db.People.Where(p => keys.Contains(p.EmailKey)).ToDictionaryAsync(p => p.EmailKey, cancellationToken);
    }

    /// <summary>The person with this address, tracked, or a new one added to <paramref name="db"/> with the clock given.</summary>
    public static async Task<Person> FindOrAddAsync(OnboardingDbContext db, string name, string email, string timeZone, WorkingDays workingDays, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var key = AccountRules.NormaliseEmail(email);
        if (await db.People.FirstOrDefaultAsync(p => p.EmailKey == key, cancellationToken) is { } known)
        {
            return known;
        }
        var person = NewPerson(name, email, timeZone, workingDays, now);
        db.People.Add(person);
        return person;
    }

    /// <summary>The person behind an account, made from the account (and linked) the first time it is asked for.</summary>
    /// <remarks>The account itself is read only then: a person is almost always there already.</remarks>
    public static async Task<Person> ForUserAsync(OnboardingDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await db.People.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken) is { } linked)
        {
            return linked;
        }
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken);
        var person = await FindOrAddAsync(db, user.DisplayName, user.Email ?? user.UserName ?? "", DefaultTimeZone, WorkingDays.MondayToFriday, now, cancellationToken);
        Link(person, user, person.Id == 0 ? [] : await db.Members.Where(m => m.PersonId == person.Id).ToListAsync(cancellationToken));
        return person;
    }

    /// <summary>A new membership of <paramref name="person"/>, with fresh secrets; the caller adds it to an engagement.</summary>
    public static Member Membership(Person person, EngagementRole role, string title, DateTimeOffset createdAt) => new()
    {
        Person = person,
        UserId = person.UserId,
        Name = person.Name,
        Email = person.EmailKey,
        Role = role,
        Title = title.Trim(),
        CalendarToken = Secrets.NewToken(),
        UnsubscribeToken = Secrets.NewToken(),
        CreatedAt = createdAt,
    };

    /// <summary>Gives the person an account: their memberships, loaded in <paramref name="memberships"/>, follow.</summary>
    public static void Link(Person person, AppUser user, IEnumerable<Member> memberships)
    {
        // The key only: a navigation to an account this context does not track would insert it again.
        person.UserId = user.Id;
        foreach (var member in memberships)
        {
            member.UserId = user.Id;
        }
    }

    /// <summary>Renames the person everywhere: their memberships (loaded) and their account, when given.</summary>
    public static void Rename(Person person, string name, IEnumerable<Member> memberships, AppUser? user)
    {
        person.Name = name.Trim();
        foreach (var member in memberships)
        {
            member.Name = person.Name;
        }
        if (user is not null)
        {
            user.DisplayName = person.Name;
        }
    }
}
