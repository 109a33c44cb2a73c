import type nl from "./nl.ts";

export default {
  "homePanel.facilitator.title": "Networks you guide",
  "homePanel.facilitator.intro":
    "As penvoerder or facilitator: attendance, the next meeting and who is waiting for you.",
  "homePanel.facilitator.role": "You are {role}",
  "homePanel.facilitator.inFormation": "in formation",
  "homePanel.facilitator.members":
    "{count, plural, one {# active member} other {# active members}}",
  "homePanel.facilitator.lastMeeting": "Last meeting ({date})",
  "homePanel.facilitator.attendance": "{present} of {members} present",
  "homePanel.facilitator.notRecorded": "Attendance not recorded yet",
  "homePanel.facilitator.recordAttendance": "Record attendance",
  "homePanel.facilitator.noLastMeeting": "No meeting held yet",
  "homePanel.facilitator.nextMeeting": "Next meeting",
  "homePanel.facilitator.noNextMeeting": "No meeting planned",
  "homePanel.facilitator.planMeeting": "Plan a meeting",
  "homePanel.facilitator.intakes":
    "{count, plural, one {# intake to decide} other {# intakes to decide}}",
  "homePanel.facilitator.nominations":
    "{count, plural, one {# nomination awaits an answer} other {# nominations await an answer}}",
  "homePanel.facilitator.intakesLabel": "Intakes and nominations",
  "homePanel.facilitator.noIntakes": "No open intakes",
  "homePanel.coordinator.title": "Your programme at a glance",
  "homePanel.coordinator.intro":
    "Your programme's networks, applications waiting for your judgement and networks that need attention.",
  "homePanel.coordinator.inFormation":
    "{count, plural, =0 {no networks in formation} one {# network in formation} other {# networks in formation}}",
  "homePanel.coordinator.active":
    "{count, plural, =0 {No active networks} one {# active network} other {# active networks}}",
  "homePanel.coordinator.applications":
    "{count, plural, =0 {No applications to judge} one {# application to judge} other {# applications to judge}}",
  "homePanel.coordinator.attention": "No meeting planned",
  "homePanel.coordinator.attentionNone": "Every network has a meeting planned.",
  "homePanel.coordinator.attentionMore":
    "and {count, plural, one {# other network} other {# other networks}}",
  "homePanel.coordinator.noNetworks": "This programme has no networks yet.",
  "homePanel.coordinator.dashboard": "To the dashboard",
  "homePanel.coordinator.applicationsLink": "To the applications",
  "homePanel.school.title": "Your school",
  "homePanel.school.intro":
    "Colleagues asking to be part of your school and what is going on in the network-learning school.",
  "homePanel.school.requests":
    "{count, plural, =0 {No requests to confirm} one {# colleague awaits confirmation} other {# colleagues await confirmation}}",
  "homePanel.school.confirm": "See the requests",
  "homePanel.school.initiatives":
    "{count, plural, one {# initiative under way} other {# initiatives under way}}",
  "homePanel.school.themes": "{count, plural, one {# theme} other {# themes}}",
  "homePanel.school.toolkit": "To the network-learning school",
  "homePanel.school.boardSchool": "School of your board",
} satisfies Record<keyof typeof nl, string>;
