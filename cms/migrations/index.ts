import * as migration_20261127_143332_initial from './20261127_143332_initial'
import * as migration_20261127_145851_deputy_code_lecture_deputies from './20261127_145851_deputy_code_lecture_deputies'
import * as migration_20261127_162130_scheduled_publish from './20261127_162130_scheduled_publish'
import * as migration_20261127_170958_messages from './20261127_170958_messages'
import * as migration_20261201_084142_message_verification from './20261201_084142_message_verification'
import * as migration_20261201_124627_rate_slots from './20261201_124627_rate_slots'
import * as migration_20261201_144921_deputy_display_name from './20261201_144921_deputy_display_name'
import * as migration_20261201_155517_site_builds_media_storage from './20261201_155517_site_builds_media_storage'
import * as migration_20261201_184647_consultations from './20261201_184647_consultations'
import * as migration_20261201_200553_message_source from './20261201_200553_message_source'
import * as migration_20261201_214617_activities from './20261201_214617_activities'
import * as migration_20261201_230207_duty_minimum from './20261201_230207_duty_minimum'
import * as migration_20261202_011917_review_workflow from './20261202_011917_review_workflow'
import * as migration_20261202_020931_audit_log from './20261202_020931_audit_log'
import * as migration_20261202_021125_safety_nets from './20261202_021125_safety_nets'
import * as migration_20261202_021800_workbench_section_reminders from './20261202_021800_workbench_section_reminders'

export const migrations = [
  {
    up: migration_20261127_143332_initial.up,
    down: migration_20261127_143332_initial.down,
    name: '20261127_143332_initial',
  },
  {
    up: migration_20261127_145851_deputy_code_lecture_deputies.up,
    down: migration_20261127_145851_deputy_code_lecture_deputies.down,
    name: '20261127_145851_deputy_code_lecture_deputies',
  },
  {
    up: migration_20261127_162130_scheduled_publish.up,
    down: migration_20261127_162130_scheduled_publish.down,
    name: '20261127_162130_scheduled_publish',
  },
  {
    up: migration_20261127_170958_messages.up,
    down: migration_20261127_170958_messages.down,
    name: '20261127_170958_messages',
  },
  {
    up: migration_20261201_084142_message_verification.up,
    down: migration_20261201_084142_message_verification.down,
    name: '20261201_084142_message_verification',
  },
  {
    up: migration_20261201_124627_rate_slots.up,
    down: migration_20261201_124627_rate_slots.down,
    name: '20261201_124627_rate_slots',
  },
  {
    up: migration_20261201_144921_deputy_display_name.up,
    down: migration_20261201_144921_deputy_display_name.down,
    name: '20261201_144921_deputy_display_name',
  },
  {
    up: migration_20261201_155517_site_builds_media_storage.up,
    down: migration_20261201_155517_site_builds_media_storage.down,
    name: '20261201_155517_site_builds_media_storage',
  },
  {
    up: migration_20261201_184647_consultations.up,
    down: migration_20261201_184647_consultations.down,
    name: '20261201_184647_consultations',
  },
  {
    up: migration_20261201_200553_message_source.up,
    down: migration_20261201_200553_message_source.down,
    name: '20261201_200553_message_source',
  },
  {
    up: migration_20261201_214617_activities.up,
    down: migration_20261201_214617_activities.down,
    name: '20261201_214617_activities',
  },
  {
    up: migration_20261201_230207_duty_minimum.up,
    down: migration_20261201_230207_duty_minimum.down,
    name: '20261201_230207_duty_minimum',
  },
  {
    up: migration_20261202_011917_review_workflow.up,
    down: migration_20261202_011917_review_workflow.down,
    name: '20261202_011917_review_workflow',
  },
  {
    up: migration_20261202_020931_audit_log.up,
    down: migration_20261202_020931_audit_log.down,
    name: '20261202_020931_audit_log',
  },
  {
    up: migration_20261202_021125_safety_nets.up,
    down: migration_20261202_021125_safety_nets.down,
    name: '20261202_021125_safety_nets',
  },
  {
    up: migration_20261202_021800_workbench_section_reminders.up,
    down: migration_20261202_021800_workbench_section_reminders.down,
    name: '20261202_021800_workbench_section_reminders',
  },
]
