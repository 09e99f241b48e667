import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { FindConsulatePage } from '../features/citizen/consulates/FindConsulatePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAccount } from './RequireAccount.tsx';
import { Shell } from './Shell.tsx';

// The first page (finding a consulate) ships with the app; every other page is its own chunk,
// fetched when the person goes there, so the first page stays under 200 KB of compressed JS.
// (Shell wraps the pages in Suspense and an error boundary.)
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const ConsulatePage = lazyPage(() => import('../features/citizen/consulates/ConsulatePage.tsx'), 'ConsulatePage');
const SignUpPage = lazyPage(() => import('../features/citizen/account/SignUpPage.tsx'), 'SignUpPage');
const SignInPage = lazyPage(() => import('../features/citizen/account/SignInPage.tsx'), 'SignInPage');
const ConfirmEmailPage = lazyPage(() => import('../features/citizen/account/ConfirmEmailPage.tsx'), 'ConfirmEmailPage');
const PasswordResetPage = lazyPage(
  () => import('../features/citizen/account/PasswordResetPage.tsx'),
  'PasswordResetPage',
);
const FamilyPage = lazyPage(() => import('../features/citizen/family/FamilyPage.tsx'), 'FamilyPage');
const RequestsPage = lazyPage(() => import('../features/citizen/requests/RequestsPage.tsx'), 'RequestsPage');
const NewRequestPage = lazyPage(() => import('../features/citizen/requests/NewRequestPage.tsx'), 'NewRequestPage');
const RequestPage = lazyPage(() => import('../features/citizen/requests/RequestPage.tsx'), 'RequestPage');
const CheckAnswersPage = lazyPage(
  () => import('../features/citizen/requests/CheckAnswersPage.tsx'),
  'CheckAnswersPage',
);
const BookingPage = lazyPage(() => import('../features/citizen/booking/BookingPage.tsx'), 'BookingPage');
const PaymentReturnPage = lazyPage(
  () => import('../features/citizen/payments/PaymentReturnPage.tsx'),
  'PaymentReturnPage',
);
const AppointmentsPage = lazyPage(
  () => import('../features/citizen/appointments/AppointmentsPage.tsx'),
  'AppointmentsPage',
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<FindConsulatePage />} />
        <Route path="consulates/:consulateId" element={<ConsulatePage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="password-reset" element={<PasswordResetPage />} />
        <Route element={<RequireAccount />}>
          <Route path="family" element={<FamilyPage />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="requests/new" element={<NewRequestPage />} />
          <Route path="requests/:requestId" element={<RequestPage />} />
          <Route path="requests/:requestId/check" element={<CheckAnswersPage />} />
          <Route path="requests/:requestId/appointment" element={<BookingPage />} />
          <Route path="book/:consulateId/:serviceId" element={<BookingPage />} />
          <Route path="requests/:requestId/payment" element={<PaymentReturnPage />} />
          <Route path="appointments" element={<AppointmentsPage />} />
          <Route path="appointments/:appointmentId/move" element={<BookingPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
