export { LESSONS, findLesson } from './catalog';
export type { Lesson, LessonGoal } from './types';
