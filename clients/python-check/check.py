"""Drives the Python client that openapi-python-client generated from the served document against a live server.

Usage: check.py BASE_URL API_KEY LIMITED_BASE_URL LIMITED_API_KEY DEVICE_TOKEN (the generated package
`iflow_client` on PYTHONPATH; the device is a badge terminal of the API key's company). The limited server allows one request a second, for the 429. Every reply is a typed value of the
generated client; a wrong status, type or value exits 1.
"""

import io
import sys

from iflow_client import AuthenticatedClient, Client
from iflow_client.api.attendance import attendance_add, attendance_delete, attendance_get_exceptions, attendance_get_list
from iflow_client.api.audit import audit_get_list
from iflow_client.api.calendar import calendar_get_holidays
from iflow_client.api.compliance import compliance_get_warnings
from iflow_client.api.schedule import schedule_import, schedule_set_day
from iflow_client.api.terminal import rfid_auto_attendance, rfid_store_attendances
from iflow_client.api.user import user_get_list, user_get_work_schedule, user_update, users_get_today_status
from iflow_client.models import (
    ApiLanguage,
    AttendanceAddReply,
    AttendanceAddRequest,
    AttendanceAddRequestDirection,
    AttendanceDeleteReply,
    AttendanceDeleteRequest,
    AttendanceGetExceptionsReply,
    AttendanceGetListReply,
    AttendanceRangeRequest,
    AutoAttendanceReply,
    DayStatusReply,
    DayStatusRequest,
    OfflineScanRow,
    ReportAttendanceType,
    RfidAutoAttendanceRequest,
    RfidStoreAttendancesRequest,
    StatusAttendanceType,
    StoreAttendancesReply,
    AuditGetListReply,
    AuditGetListRequest,
    AuditGetListRequestEntity,
    CalendarGetHolidaysReply,
    CalendarGetHolidaysRequest,
    CheckName,
    ComplianceGetWarningsReply,
    ComplianceGetWarningsRequest,
    ComplianceRule,
    DayType,
    ErrorReply,
    Flag,
    FlagOrEmpty,
    ScheduleImportReply,
    ScheduleImportRequest,
    ScheduleSetDayReply,
    ScheduleSetDayRequest,
    UserBy,
    UserGetListReply,
    UserGetListRequest,
    UserGetWorkScheduleReply,
    UserGetWorkScheduleRequest,
    UserUpdateReply,
    UserUpdateReplyApiReplyAction,
    UserUpdateRequest,
    UserUpdateRequestUpdateBy,
)
from iflow_client.types import File, Unset


def expect(condition, what):
    if not condition:
        print(f"python client: FAILED: {what}", file=sys.stderr)
        sys.exit(1)


def typed(reply, kind, what):
    expect(isinstance(reply, kind), f"{what}: expected {kind.__name__}, got {type(reply).__name__}: {reply!r}")
    return reply.api_reply


def attendance(client, terminal, device, en):
    """A terminal's offline batch and a live scan, a manual entry, the list, a deletion, exceptions, today's status
    and the month paid from real presence."""
    rows = [OfflineScanRow(date="2026-03-02", time=time, rfid_tag="RF-ION") for time in ("07:58:00", "12:00:00", "12:30:00", "16:35:00")]
    stored = typed(
        rfid_store_attendances.sync(client=terminal, body=RfidStoreAttendancesRequest(access_token=device, csv_data=rows, version="1.0")),
        StoreAttendancesReply, "store_attendances",
    )
    expect([(row.time, row.error_check_in_out, row.error_csv) for row in stored] == [(row.time, "", "") for row in rows],
           f"the batch is stored whole: {stored}")
    again = typed(
        rfid_store_attendances.sync(client=terminal, body=RfidStoreAttendancesRequest(access_token=device, csv_data=rows)),
        StoreAttendancesReply, "store_attendances again",
    )
    expect(all(row.error_check_in_out for row in again), f"a repeated batch is all duplicates: {again}")

    live = typed(rfid_auto_attendance.sync(client=terminal, body=RfidAutoAttendanceRequest(access_token=device, rfid_tag="RF-MARIA")),
                 AutoAttendanceReply, "auto_attendance")
    expect(live.scan_msg and live.user.full_name == "Maria Ionescu", f"the scan's message and employee: {live.scan_msg!r}")
    expect(len(live.event) == 1 and live.event[0].end_time is None, f"one open pair: {live.event}")

    added = typed(
        attendance_add.sync(client=client, body=AttendanceAddRequest(
            api_language=en, user_by=UserBy.CNP, user_by_value="1800101221144", time="2026-03-03 09:00",
            direction=AttendanceAddRequestDirection.IN, note="forgot the badge")),
        AttendanceAddReply, "attendance/add",
    )
    month = AttendanceRangeRequest(api_language=en, date_interval_start="2026-03-01", date_interval_end="2026-03-31",
                                   user_by=UserBy.CNP, user_by_value="1800101221144")
    listed = typed(attendance_get_list.sync(client=client, body=month), AttendanceGetListReply, "attendance/get_list")
    times = [(entry.date, entry.time[:5]) for entry in listed.users[0].attendances]
    expect(times == [("2026-03-02", "07:58"), ("2026-03-02", "12:00"), ("2026-03-02", "12:30"), ("2026-03-02", "16:35"),
                     ("2026-03-03", "09:00")], f"Ion's scans and entry: {times}")
    deleted = typed(
        attendance_delete.sync(client=client, body=AttendanceDeleteRequest(
            api_language=en, attendance_id=added.attendance.id, reason="entered twice")),
        AttendanceDeleteReply, "attendance/delete",
    )
    expect(deleted.attendance_id == added.attendance.id and deleted.reason == "entered twice", f"the deletion: {deleted}")
    exceptions = typed(attendance_get_exceptions.sync(client=client, body=month), AttendanceGetExceptionsReply,
                       "attendance/get_exceptions")
    expect(exceptions.users and all(user.full_name == "Ion Popescu" for user in exceptions.users), f"Ion's exceptions: {exceptions}")

    today = typed(
        users_get_today_status.sync(client=client, body=DayStatusRequest(
            api_language=en, attendance_type=StatusAttendanceType.LIVE_ATTENDANCE, user_by=UserBy.CNP, user_by_value="2950724420010")),
        DayStatusReply, "users/get_today_status",
    )
    expect([(user.full_name, user.at_work) for user in today.users] == [("Maria Ionescu", "1")], f"Maria is at work: {today.users}")

    # 2026-03-02 planned 08:00-16:30 with a 30-minute break: present 08:00-12:00 and 12:30-16:30 inside it is 8 h
    # regular (the half hour away is the break); 07:58-08:00 and 16:30-16:35 are 7 minutes of overtime.
    report = typed(
        user_get_work_schedule.sync(client=client, body=UserGetWorkScheduleRequest(
            api_language=en, year="2026", month="03", totals="regular,overtime", user_by=UserBy.CNP, user_by_value="1800101221144",
            include_days=FlagOrEmpty.OFF, attendance_type=ReportAttendanceType.LIVE_ATTENDANCE)),
        UserGetWorkScheduleReply, "user/get_work_schedule live",
    )
    got = report.users[0].totals.additional_properties
    expect(got == {"regular": "8.00", "overtime": "0.12"}, f"Ion's month from real presence: {got}")


def labour_code(client, en):
    """Maria's night shift on 5 May 2026 and her afternoon shift on the 6th leave 8 h of rest, short of art. 135(1)'s
    12 h: the plan's reply and the month's warnings say so; the time present in May (no scans) warns nothing."""
    for date, shifts in [("2026-05-05", "22:00-06:00"), ("2026-05-06", "14:00-22:00")]:
        planned = typed(
            schedule_set_day.sync(client=client, body=ScheduleSetDayRequest(
                api_language=en, user_by=UserBy.MARK_NUMBER, user_by_value="M-2", date=date, shifts=shifts, break_minutes="30")),
            ScheduleSetDayReply, f"schedule/set_day {date}",
        )
    expect([warning.rule for warning in planned.warnings] == [ComplianceRule.DAILY_REST], f"the plan's warnings: {planned.warnings}")
    month = typed(
        compliance_get_warnings.sync(client=client, body=ComplianceGetWarningsRequest(api_language=en, year="2026", month="05")),
        ComplianceGetWarningsReply, "compliance/get_warnings",
    )
    expect(month.attendance_type == ReportAttendanceType.WORK_SCHEDULE and month.month == "05", f"the month: {month.month}")
    expect(ComplianceRule.DAILY_REST in [checked.rule for checked in month.rules_checked], f"the rules checked: {month.rules_checked}")
    got = [(user.full_name, [(warning.rule, warning.article, warning.from_, warning.start, warning.end, warning.measured_hours,
                              warning.limit_hours) for warning in user.warnings]) for user in month.users]
    expect(got == [("Maria Ionescu", [(ComplianceRule.DAILY_REST, "art. 135(1)", "2026-05-05", "2026-05-06 06:00", "2026-05-06 14:00",
                                       "8.00", "12.00")])], f"May's warnings: {got}")
    live = typed(
        compliance_get_warnings.sync(client=client, body=ComplianceGetWarningsRequest(
            api_language=en, year="2026", month="05", attendance_type=ReportAttendanceType.LIVE_ATTENDANCE)),
        ComplianceGetWarningsReply, "compliance/get_warnings live",
    )
    expect(live.attendance_type == ReportAttendanceType.LIVE_ATTENDANCE and live.users == [], f"May present: {live.users}")


def main(base, key, limited_base, limited_key, device):
    client = AuthenticatedClient(base_url=base, token=key, raise_on_unexpected_status=True)
    en = ApiLanguage.EN_US

    # Employees: two created, one updated (the team is created on the way).
    ion = UserUpdateRequest(
        api_language=en, update_by=UserUpdateRequestUpdateBy.CNP, update_by_value="1800101221144", full_name="Ion Popescu",
        team_name="Producție", mark_number="M-1", employment_date="2020-01-01", is_enabled=Flag.ON, rfid_tag="RF-ION",
    )
    created = typed(user_update.sync(client=client, body=ion), UserUpdateReply, "user/update Ion")
    expect(created.action == UserUpdateReplyApiReplyAction.CREATED, "Ion is created")
    expect(created.new_user.team_name == "Producție" and created.new_user.is_enabled == Flag.ON, "Ion's fields")
    maria = UserUpdateRequest(
        api_language=en, update_by=UserUpdateRequestUpdateBy.CNP, update_by_value="2950724420010", full_name="Maria Ionescu",
        mark_number="M-2", rfid_tag="RF-MARIA",
    )
    typed(user_update.sync(client=client, body=maria), UserUpdateReply, "user/update Maria")
    ion.city = "Brașov"
    updated = typed(user_update.sync(client=client, body=ion), UserUpdateReply, "user/update Ion again")
    expect(updated.action == UserUpdateReplyApiReplyAction.UPDATED and updated.new_user.city == "Brașov", "Ion is updated")

    listed = typed(
        user_get_list.sync(client=client, body=UserGetListRequest(api_language=en, is_enabled=FlagOrEmpty.ON, limit="50")),
        UserGetListReply, "user/get_list",
    )
    expect(listed.total == "2", f"two enabled employees, got {listed.total}")
    expect([user.full_name for user in listed.users] == ["Ion Popescu", "Maria Ionescu"], "the list in id order")

    # Days: a weekday with a break and overtime, and a Saturday night shift that ends on Sunday.
    for day in [
        ScheduleSetDayRequest(api_language=en, user_by=UserBy.CNP, user_by_value="1800101221144", date="2026-03-02",
                              shifts="08:00-16:30", break_minutes="30", overtime="16:30-18:00"),
        ScheduleSetDayRequest(api_language=en, user_by=UserBy.MARK_NUMBER, user_by_value="M-1", date="2026-03-07",
                              type_=DayType.WORK, shifts="22:00-06:00"),
    ]:
        stored = typed(schedule_set_day.sync(client=client, body=day), ScheduleSetDayReply, f"schedule/set_day {day.date}")
        expect(stored.date == day.date and stored.shifts == day.shifts, f"{day.date} as stored")

    csv = (
        "user_by,user_by_value,date,type,shifts,break_minutes,time_off\n"
        "cnp,2950724420010,2026-03-03,work,09:00-17:00,60,\n"
        "mark_number,M-2,2026-03-04,CO,,,\n"
        "cnp,1800101221144,2026-03-11,work,,,08:00-10:00\n"
    )
    upload = File(payload=io.BytesIO(csv.encode()), file_name="plan.csv", mime_type="text/csv")
    imported = typed(
        schedule_import.sync(client=client, body=ScheduleImportRequest(api_language=en, file=upload)),
        ScheduleImportReply, "schedule/import",
    )
    expect(imported.rows == "3" and imported.users == "2", f"3 rows of 2 employees, got {imported.rows}, {imported.users}")

    # The month's report, with totals worked out by hand from the plans above.
    totals = "regular,overtime,total,total_night,total_weekend,time_off,overtime_balance"
    report = typed(
        user_get_work_schedule.sync(client=client, body=UserGetWorkScheduleRequest(
            api_language=en, year="2026", month="03", totals=totals, include_days=FlagOrEmpty.OFF)),
        UserGetWorkScheduleReply, "user/get_work_schedule",
    )
    expected = {
        "Ion Popescu": {"regular": "16.00", "overtime": "1.50", "total": "17.50", "total_night": "8.00",
                        "total_weekend": "8.00", "time_off": "2.00", "overtime_balance": "-0.50"},
        "Maria Ionescu": {"regular": "7.00", "overtime": "0.00", "total": "7.00", "total_night": "0.00",
                          "total_weekend": "0.00", "time_off": "0.00", "overtime_balance": "0.00"},
    }
    got = {user.full_name: user.totals.additional_properties for user in report.users}
    expect(got == expected, f"the month's totals: {got}")
    expect(all(isinstance(user.days, Unset) for user in report.users), "no days when include_days=0")

    labour_code(client, en)

    holidays = typed(
        calendar_get_holidays.sync(client=client, body=CalendarGetHolidaysRequest(api_language=ApiLanguage.RO_RO, year="2026")),
        CalendarGetHolidaysReply, "calendar/get_holidays",
    )
    dates = [holiday.date for holiday in holidays.holidays]
    expect(dates == sorted(dates) and "2026-01-01" in dates and "2026-12-25" in dates, f"2026's holidays: {dates}")
    expect(any("Crăciun" in holiday.name for holiday in holidays.holidays), "holiday names in Romanian")

    attendance(client, Client(base_url=base, raise_on_unexpected_status=True), device, en)

    audit = typed(
        audit_get_list.sync(client=client, body=AuditGetListRequest(api_language=en, entity=AuditGetListRequestEntity.USER, limit="100")),
        AuditGetListReply, "audit/get_list",
    )
    actions = [event.action for event in audit.events]
    expect(actions.count("user.created") == 2 and "user.updated" in actions, f"the audit trail's user events: {actions}")

    # A validation failure is HTTP 200 with the typed error reply.
    wrong = UserUpdateRequest(api_language=ApiLanguage.RO_RO, update_by=UserUpdateRequestUpdateBy.CNP,
                              update_by_value="1800101221145", full_name="Nobody")
    error = typed(user_update.sync(client=client, body=wrong), ErrorReply, "an invalid CNP")
    expect([(item.field_name, item.check_name) for item in error.error] == [("update_by_value", CheckName.VALID_CNP)],
           f"valid_cnp on update_by_value: {error.error}")

    # A 404: the client pointed at a base URL under which the server serves nothing.
    lost = AuthenticatedClient(base_url=base + "/nowhere", token=key, raise_on_unexpected_status=True)
    response = user_get_list.sync_detailed(client=lost, body=UserGetListRequest(api_language=ApiLanguage.RO_RO))
    expect(response.status_code == 404, f"404, got {response.status_code}")
    item = typed(response.parsed, ErrorReply, "the 404").error[0]
    expect(item.field_name is None and item.check_name == CheckName.ENDPOINT, f"the 404's error: {item}")
    expect(item.message == "Endpoint-ul nu este disponibil", f"the 404 in ro_RO: {item.message}")

    # A 429 from the server that allows one request a second (bursts of two).
    limited = AuthenticatedClient(base_url=limited_base, token=limited_key, raise_on_unexpected_status=True)
    statuses = []
    for _ in range(10):
        response = calendar_get_holidays.sync_detailed(client=limited, body=CalendarGetHolidaysRequest(api_language=en, year="2026"))
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    expect(statuses[-1] == 429, f"a 429 within 10 requests, got {statuses}")
    item = typed(response.parsed, ErrorReply, "the 429").error[0]
    expect(item.field_name == "api_key" and item.check_name == CheckName.RATE_LIMIT, f"the 429's error: {item}")
    expect(int(response.headers["retry-after"]) >= 1, "Retry-After")
    print("python client: employees, list, days, import, report, Labour Code warnings, terminal scans, attendance, today's status, "
          "live report, holidays, audit, validation error, 404 and 429 as typed values")


if __name__ == "__main__":
    main(*sys.argv[1:6])
